// Draws the demo's pictures (src/scripts/demo-images/*.svg): segment heroes, one picture per
// package and per add-on or shop product, named by handle. Soft gradients and simple shapes, no
// text, fonts or outside references, so they render the same offline. Run again after a change:
// node scripts/draw-demo-images.mjs
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "src", "scripts", "demo-images")

// Per segment: gradient from, gradient to, accent.
const PALETTES = {
  essential: ["#f6ede4", "#e9d3c4", "#b98b73"],
  signature: ["#eef0ea", "#c9d6c3", "#6f8a6a"],
  luxury: ["#efe9f3", "#cbbbd8", "#6d5a85"],
  addon: ["#f4efe6", "#e4d8c2", "#9a8158"],
  shop: ["#eaf0f4", "#c8d7e2", "#5d7a90"],
}

const line = (accent) => `fill="none" stroke="${accent}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"`

// Motifs drawn in a 200x200 box centred on (0,0), placed with a transform.
const MOTIFS = {
  camera: (a) => `<rect x="-80" y="-45" width="160" height="105" rx="16" ${line(a)}/><path d="M-35 -45l12-22h46l12 22" ${line(a)}/><circle cx="0" cy="8" r="32" ${line(a)}/><circle cx="0" cy="8" r="14" fill="${a}" opacity=".35"/><circle cx="55" cy="-25" r="5" fill="${a}"/>`,
  rings: (a) => `<circle cx="-24" cy="15" r="42" ${line(a)}/><circle cx="24" cy="15" r="42" ${line(a)}/><path d="M-34 -36l10-16 10 16-10 10z" fill="${a}" opacity=".6"/>`,
  flowers: (a) => [0, 72, 144, 216, 288].map((r) => `<ellipse cx="0" cy="-30" rx="16" ry="30" transform="rotate(${r})" fill="${a}" opacity=".28"/>`).join("") + `<circle r="14" fill="${a}" opacity=".7"/><path d="M0 60v40M0 82c14-16 30-16 40-12" ${line(a)}/>`,
  album: (a) => `<rect x="-70" y="-60" width="140" height="120" rx="8" ${line(a)}/><path d="M-50 -60v120" ${line(a)}/><rect x="-25" y="-30" width="70" height="50" rx="4" fill="${a}" opacity=".3"/><path d="M-20 10l20-20 18 15 12-10 15 15" ${line(a)}/>`,
  albums: (a) => `<g transform="translate(-35 0) scale(.7)">${MOTIFS.album(a)}</g><g transform="translate(40 10) scale(.7)">${MOTIFS.album(a)}</g>`,
  clock: (a) => `<circle r="62" ${line(a)}/><path d="M0 -38v38l26 18" ${line(a)}/><path d="M70 -70v28M56 -56h28" ${line(a)}/>`,
  cameras: (a) => `<g transform="translate(-45 10) scale(.62)">${MOTIFS.camera(a)}</g><g transform="translate(48 -5) scale(.62)">${MOTIFS.camera(a)}</g>`,
  heart: (a) => `<path d="M0 55C-75 5-60-55-20-55c12 0 20 10 20 20 0-10 8-20 20-20 40 0 55 60-20 110z" fill="${a}" opacity=".3"/><path d="M0 55C-75 5-60-55-20-55c12 0 20 10 20 20 0-10 8-20 20-20 40 0 55 60-20 110z" ${line(a)}/>`,
  drone: (a) => `<rect x="-30" y="-14" width="60" height="28" rx="10" ${line(a)}/><path d="M-30 -6h-40M30 -6h40M-70 -18v12M70 -18v12" ${line(a)}/><path d="M-90 -20h40M50 -20h40" ${line(a)}/><circle cx="0" cy="26" r="10" ${line(a)}/>`,
  screen: (a) => `<rect x="-80" y="-55" width="160" height="100" rx="8" ${line(a)}/><path d="M-12 -22v34l28-17z" fill="${a}" opacity=".6"/><path d="M-30 70h60M0 45v25" ${line(a)}/>`,
  booth: (a) => `<rect x="-45" y="-75" width="90" height="150" rx="6" ${line(a)}/>` + [-50, -5, 40].map((y) => `<rect x="-32" y="${y - 12}" width="64" height="36" rx="3" fill="${a}" opacity=".28"/>`).join(""),
  glasses: (a) => `<path d="M-45 -60h40c0 40-8 55-20 55s-20-15-20-55zM5 -60h40c0 40-8 55-20 55S5-20 5-60z" ${line(a)}/><path d="M-25 -5v55M25 -5v55M-42 50h34M8 50h34" ${line(a)}/><path d="M-42 -40h34M8 -40h34" stroke="${a}" stroke-width="14" opacity=".25"/>`,
  canvas: (a) => `<rect x="-60" y="-70" width="120" height="90" rx="3" ${line(a)}/><path d="M-45 5l30-35 22 22 15-12 23 25" ${line(a)}/><path d="M-40 20l-25 60M40 20l25 60M0 20v50" ${line(a)}/>`,
  film: (a) => `<rect x="-85" y="-45" width="170" height="90" rx="6" ${line(a)}/>` + [-65, -35, -5, 25, 55].map((x) => `<rect x="${x}" y="-38" width="12" height="10" rx="2" fill="${a}"/><rect x="${x}" y="28" width="12" height="10" rx="2" fill="${a}"/>`).join("") + `<rect x="-60" y="-20" width="120" height="40" rx="3" fill="${a}" opacity=".25"/>`,
  reel: (a) => `<circle r="62" ${line(a)}/><circle r="12" fill="${a}"/>` + [0, 60, 120, 180, 240, 300].map((r) => `<circle cx="0" cy="-36" r="13" transform="rotate(${r})" fill="${a}" opacity=".35"/>`).join(""),
  print: (a) => `<rect x="-60" y="-75" width="120" height="150" rx="4" ${line(a)}/><rect x="-42" y="-57" width="84" height="90" fill="${a}" opacity=".25"/><path d="M-42 20l28-30 20 18 14-10 22 22" ${line(a)}/>`,
  envelope: (a) => `<rect x="-80" y="-50" width="160" height="100" rx="8" ${line(a)}/><path d="M-80 -50l80 60 80-60" ${line(a)}/><path d="M0 30c-22-14-20-32-8-32 5 0 8 4 8 8 0-4 3-8 8-8 12 0 14 18-8 32z" fill="${a}" opacity=".6"/>`,
}

function svg({ width, height, palette, motifs, id }) {
  const [from, to, accent] = PALETTES[palette]
  const step = width / (motifs.length + 1)
  const scale = (height / 400) * (motifs.length > 2 ? 0.9 : 1.1)
  const drawn = motifs
    .map((m, i) => `<g transform="translate(${Math.round(step * (i + 1))} ${Math.round(height / 2)}) scale(${scale.toFixed(2)})">${MOTIFS[m](accent)}</g>`)
    .join("")
  // Soft light circles behind the motifs, placed from the name so each picture differs a little.
  const seed = [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 997, 7)
  const glow = [0, 1, 2]
    .map((i) => `<circle cx="${(seed * (i + 3) * 37) % width}" cy="${(seed * (i + 5) * 17) % height}" r="${Math.round(height * (0.25 + i * 0.1))}" fill="#fff" opacity=".35"/>`)
    .join("")
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs><rect width="${width}" height="${height}" fill="url(#bg)"/>${glow}${drawn}</svg>\n`
}

const HERO = { width: 800, height: 500 }
const CARD = { width: 640, height: 400 }
const PACKAGES = {
  essential: ["essential-starter", "essential-classic", "essential-plus"],
  signature: ["signature-essential", "signature-select", "signature-complete"],
  luxury: ["luxury-prestige", "luxury-grand", "luxury-ultimate"],
}
const PACKAGE_MOTIFS = {
  essential: ["camera", "flowers", "album"],
  signature: ["camera", "rings", "album"],
  luxury: ["rings", "camera", "glasses"],
}
const PICTURES = {
  "segment-essential": { ...HERO, palette: "essential", motifs: ["camera", "flowers"] },
  "segment-signature": { ...HERO, palette: "signature", motifs: ["rings", "camera", "flowers"] },
  "segment-luxury": { ...HERO, palette: "luxury", motifs: ["flowers", "rings", "album", "glasses"] },
  // Packages by level: each level adds a motif to the one below.
  ...Object.fromEntries(
    Object.entries(PACKAGES).flatMap(([segment, handles]) =>
      handles.map((handle, i) => [handle, { ...CARD, palette: segment, motifs: PACKAGE_MOTIFS[segment].slice(0, i + 1) }])
    )
  ),
  "addon-extra-hour": { ...CARD, palette: "addon", motifs: ["clock"] },
  "addon-second-shooter": { ...CARD, palette: "addon", motifs: ["cameras"] },
  "addon-engagement-session": { ...CARD, palette: "addon", motifs: ["heart", "rings"] },
  "addon-heirloom-album": { ...CARD, palette: "addon", motifs: ["album"] },
  "addon-parent-albums": { ...CARD, palette: "addon", motifs: ["albums"] },
  "addon-drone": { ...CARD, palette: "addon", motifs: ["drone"] },
  "addon-same-day-slideshow": { ...CARD, palette: "addon", motifs: ["screen"] },
  "addon-photo-booth": { ...CARD, palette: "addon", motifs: ["booth"] },
  "addon-rehearsal-dinner": { ...CARD, palette: "addon", motifs: ["glasses"] },
  "addon-canvas-print": { ...CARD, palette: "addon", motifs: ["canvas"] },
  "addon-raw-files": { ...CARD, palette: "addon", motifs: ["film"] },
  "addon-highlight-film": { ...CARD, palette: "addon", motifs: ["reel"] },
  "shop-fine-art-print": { ...CARD, palette: "shop", motifs: ["print"] },
  "shop-thank-you-cards": { ...CARD, palette: "shop", motifs: ["envelope"] },
}

fs.mkdirSync(out, { recursive: true })
let total = 0
for (const [name, picture] of Object.entries(PICTURES)) {
  const text = svg({ ...picture, id: name })
  fs.writeFileSync(path.join(out, `${name}.svg`), text)
  total += text.length
}
console.log(`${Object.keys(PICTURES).length} pictures, ${total} bytes, in ${path.relative(process.cwd(), out)}`)
