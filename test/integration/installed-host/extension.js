// Empty on purpose: see package.json. Activating it measures what the host itself costs.
exports.activate = function activate() {};
exports.deactivate = function deactivate() {};
