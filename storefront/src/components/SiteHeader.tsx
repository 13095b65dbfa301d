/** The studio's name over each page of the storefront. */
export function SiteHeader({ title }: { title: string }) {
  return (
    <header className="site-header">
      <p className="brand">Everafter</p>
      <h1>{title}</h1>
    </header>
  )
}
