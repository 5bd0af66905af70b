// Small page behaviours, attached by data attributes so no page needs an inline script (a strict CSP can apply).

// Buttons marked data-print open the browser's print dialog.
document.querySelectorAll("[data-print]").forEach(button => button.addEventListener("click", () => window.print()));

// File inputs with data-max-bytes say at once that a file is too large, instead of after a long upload.
document.querySelectorAll("input[type=file][data-max-bytes]").forEach(input => {
    const message = document.querySelector(`[data-valmsg-for="${input.name}"]`);
    input.addEventListener("change", () => {
        const tooLarge = input.files.length > 0 && input.files[0].size > Number(input.dataset.maxBytes);
        input.setAttribute("aria-invalid", String(tooLarge));
        if (message) {
            message.textContent = tooLarge ? input.dataset.tooLarge : "";
        }
        if (tooLarge) {
            input.value = "";
        }
    });
});

// A supervisor select with data-fills-license fills the license field from the chosen preceptor's center,
// unless the person typed another license.
document.querySelectorAll("select[data-fills-license]").forEach(select => {
    const license = document.getElementById(select.dataset.fillsLicense);
    let filled = license.value;
    select.addEventListener("change", () => {
        const centerLicense = select.selectedOptions[0]?.dataset.license ?? "";
        if (license.value === "" || license.value === filled) {
            license.value = centerLicense;
            filled = centerLicense;
        }
    });
});

// The case form's agent select shows the nuclide and route the catalogue gives for the chosen agent.
document.querySelectorAll("select[data-agent-details]").forEach(select => {
    select.addEventListener("change", () => {
        const chosen = select.selectedOptions[0];
        document.getElementById("agent-nuclide").textContent = chosen?.dataset.nuclide || "—";
        document.getElementById("agent-route").textContent = chosen?.dataset.route || "—";
    });
});

// A time-zone list marked data-browser-time-zone starts at the browser's own zone when the list has it.
document.querySelectorAll("select[data-browser-time-zone]").forEach(select => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if ([...select.options].some(option => option.value === zone)) {
        select.value = zone;
    }
});
