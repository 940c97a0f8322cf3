// Jest 29 cannot require an ESM-only package from CommonJS; Node 20.19 can. So this hands the
// require of 'content-disposition' (needed by a CommonJS dependency) to Node's own loader.
const nodeRequire = process.getBuiltinModule('module').createRequire(__filename);
module.exports = nodeRequire('content-disposition');
