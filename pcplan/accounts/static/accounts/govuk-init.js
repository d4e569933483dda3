// Starts GOV.UK Frontend's components; a file rather than an inline module script, so that
// the Content-Security-Policy allows scripts from this site only.
import { initAll } from "../pcplan/govuk-frontend.min.js";

initAll();
