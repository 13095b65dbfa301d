import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import { App } from "./App"
import { reportPageLoad } from "./page-load"
import "./styles.css"

reportPageLoad()

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>
)
