// Buttons marked data-print open the browser's print dialog (kept out of inline handlers so a strict CSP can apply).
document.querySelectorAll("[data-print]").forEach(button => button.addEventListener("click", () => window.print()));
