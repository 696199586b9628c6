// Loaded on every page. Pages work without it; it only adds conveniences.

// A language switcher submits as soon as a language is picked (the button stays for browsers without script).
for (const select of document.querySelectorAll<HTMLSelectElement>("select[data-autosubmit]")) {
  select.addEventListener("change", () => select.form?.requestSubmit());
}
