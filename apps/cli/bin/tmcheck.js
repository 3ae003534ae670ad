#!/usr/bin/env node
// The published entry point: the bundle does the work (see src/bin.ts).
import '../dist/tmcheck.js';
