// happy-dom has no screen.orientation; Quasar's Screen/Platform plugins read it on install.
if (!('orientation' in window.screen)) {
  Object.defineProperty(window.screen, 'orientation', {
    value: { type: 'landscape-primary', angle: 0, addEventListener() {}, removeEventListener() {} },
    configurable: true,
  });
}
