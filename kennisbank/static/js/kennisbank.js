// The little script the site has: a print button ([data-print]) without an inline handler (CSP).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
