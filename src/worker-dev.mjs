// Worker entry used when Telaah runs from its TypeScript sources (tests): loads worker.ts through tsx.
// The compiled build uses dist/worker.js directly.
import { tsImport } from 'tsx/esm/api';

const mod = await tsImport('./worker.ts', import.meta.url);
export default mod.default;
