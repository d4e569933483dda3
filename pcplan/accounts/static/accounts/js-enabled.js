// Run at the top of <body>, as GOV.UK Frontend asks, from a file so that the
// Content-Security-Policy needs no inline script.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
