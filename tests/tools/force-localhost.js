// Preloaded into the Teams App Test Tool so every server it starts binds 127.0.0.1 only
// (the tool itself calls listen(port) without a host, i.e. on all interfaces).
const net = require("net");
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number") {
    const cb = typeof args[args.length - 1] === "function" ? args.pop() : undefined;
    return cb ? listen.call(this, args[0], "127.0.0.1", cb) : listen.call(this, args[0], "127.0.0.1");
  }
  if (args[0] && typeof args[0] === "object" && !args[0].path) {
    args[0] = { ...args[0], host: "127.0.0.1" };
  }
  return listen.apply(this, args);
};
