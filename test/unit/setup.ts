// Installed before every unit test file (.mocharc.json): the Node runtime the engine's hosts install.
import { installNodeRuntime } from '../../src/node/runtime';

installNodeRuntime();
