// The report's «Skriv ut» button: shown only where scripts run, since printing needs one.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
