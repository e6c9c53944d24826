// Loaded as a classic script first on csp-page.html: records every CSP violation of the page, and
// any script error or failed load (a blocked module would otherwise look like a silent timeout).
(window as unknown as { cspViolations: string[] }).cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`;
  (window as unknown as { cspViolations: string[] }).cspViolations.push(
    `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${where} ${e.sample}`,
  );
});
window.addEventListener(
  'error',
  (e) => {
    const target = e.target as HTMLScriptElement | null;
    (window as unknown as { cspViolations: string[] }).cspViolations.push(
      `error ${e.message ?? ''} ${target?.src ?? ''}`,
    );
  },
  true,
);
