// GOV.UK Frontend styles the enhanced components only when scripts run (no inline script: the CSP forbids it).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
