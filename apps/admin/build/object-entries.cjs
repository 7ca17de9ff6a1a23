// What `require('object.entries')` gives react-admin's translation library (node-polyglot) in the
// backoffice: every browser the backoffice supports has Object.entries, so the es-shims polyfill
// (get-intrinsic, call-bind, define-properties...: 4 KB gzipped on the sign-in page) is left out.
module.exports = Object.entries;
