/**
 * A test clock for a server the browser tests start themselves (never for
 * `pnpm start`): loaded with `node --import`, it makes `Date.now()` and
 * `new Date()` run from a time the test sets over the IPC channel
 * (`{ clockAt: epochMs }`), answered with `{ clockSetTo }` once in effect.
 * Time keeps running from there, so the server works as usual, just on
 * another day. The app's code is unchanged: this is how a test gives
 * applications, moves and hires dates in the past without a backdoor.
 */
const RealDate = Date;
let shiftMs = 0;
const now = () => RealDate.now() + shiftMs;

globalThis.Date = new Proxy(RealDate, {
  construct(target, args, newTarget) {
    return args.length === 0
      ? Reflect.construct(target, [now()], newTarget)
      : Reflect.construct(target, args, newTarget);
  },
  apply() {
    return new RealDate(now()).toString();
  },
  get(target, property, receiver) {
    return property === 'now' ? now : Reflect.get(target, property, receiver);
  },
});

process.on('message', (message) => {
  if (message && typeof message.clockAt === 'number') {
    shiftMs = message.clockAt - RealDate.now();
    process.send?.({ clockSetTo: message.clockAt });
  }
});
