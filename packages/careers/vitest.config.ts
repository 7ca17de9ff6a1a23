import { defineConfig } from 'vitest/config';
import { candorTestConfig } from '../../tooling/vitest.shared.js';

export default defineConfig(candorTestConfig());
