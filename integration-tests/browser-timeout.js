// A browser check is a person's whole task on a page (and a file's beforeAll starts Chromium and
// logs in), on machines that run other tests beside: minutes, not jest's default five seconds.
jest.setTimeout(180_000)
