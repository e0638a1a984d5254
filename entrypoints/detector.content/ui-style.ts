/** Styles of our own UI inside the host's shadow root (the card and the fallback overlay); class names are prefixed `cl-`. */
export const UI_CSS = `
:host { all: initial; }
.cl-card {
  position: fixed; z-index: 2147483647; box-sizing: border-box; width: 340px; max-width: calc(100vw - 16px);
  max-height: min(420px, calc(100vh - 16px)); overflow: auto; padding: 10px 12px 12px;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #1d232b; background: #fff;
  border: 1px solid #c3cad3; border-radius: 8px; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18); text-align: left;
}
.cl-card[hidden] { display: none; }
.cl-brand { font-size: 11px; font-weight: 600; letter-spacing: 0.02em; color: #5a6572; margin: 0 24px 6px 0; }
.cl-close { position: absolute; top: 4px; right: 6px; border: 0; background: none; font: 18px/1 sans-serif; color: #5a6572; cursor: pointer; padding: 4px; }
.cl-close:focus-visible, .cl-open:focus-visible { outline: 2px solid #1a5fb4; outline-offset: 1px; }
.cl-item + .cl-item { border-top: 1px solid #e3e7ec; margin-top: 8px; padding-top: 8px; }
.cl-heading { font-weight: 700; font-size: 14px; word-break: break-word; }
.cl-concept { color: #3b4550; margin-top: 1px; }
.cl-marks { list-style: none; margin: 6px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; }
.cl-mark { font-size: 12px; padding: 1px 6px; border-radius: 10px; background: #eef1f4; color: #2c3640; }
.cl-mark-negated { background: #e4e4e4; color: #3d3d3d; font-weight: 600; }
.cl-codes { list-style: none; margin: 8px 0 0; padding: 0; }
.cl-codes li { margin: 2px 0; }
.cl-code { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 700; margin-right: 6px; }
.cl-header { font-size: 11px; color: #8a4b00; margin-left: 4px; }
.cl-note { margin: 6px 0 0; font-size: 12px; color: #5a6572; }
.cl-open { margin-top: 8px; font: inherit; font-size: 12px; padding: 4px 10px; border: 1px solid #1a5fb4; border-radius: 5px; background: #1a5fb4; color: #fff; cursor: pointer; }
.cl-open:hover { background: #154a8c; }
.cl-overlay { position: absolute; top: 0; left: 0; pointer-events: none; }
.cl-box { position: absolute; pointer-events: none; border-radius: 2px; }
.cl-box-current { background: rgba(255, 214, 0, 0.35); border-bottom: 2px solid #b58900; }
.cl-box-negated { background: rgba(160, 160, 160, 0.3); border-bottom: 2px dotted #6c6c6c; }
.cl-box-uncertain { background: rgba(255, 170, 60, 0.25); border-bottom: 2px dashed #c05600; }
.cl-box-historical { background: rgba(90, 140, 255, 0.2); border-bottom: 2px dotted #2f5fb3; }
.cl-box-other { background: rgba(170, 110, 220, 0.2); border-bottom: 2px dashed #7a3fb0; }
.cl-box-focus { outline: 2px solid #ff8c00; }
@media (prefers-color-scheme: dark) {
  .cl-card { color: #e6e9ed; background: #1f242b; border-color: #46505c; }
  .cl-brand, .cl-close, .cl-note { color: #a9b3be; }
  .cl-concept { color: #c8d0d8; }
  .cl-mark { background: #2e353e; color: #dde3e9; }
  .cl-item + .cl-item { border-top-color: #39424c; }
}
`;
