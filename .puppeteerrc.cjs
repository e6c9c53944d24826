// Browsers come from the system (see scripts/browsers.mjs); never download one on install.
module.exports = { skipDownload: true };
