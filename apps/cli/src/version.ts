// Replaced at bundle time with the package version (scripts/bundle.mjs).
declare const __TMCHECK_VERSION__: string;

export const TOOL_VERSION: string = typeof __TMCHECK_VERSION__ === 'string' ? __TMCHECK_VERSION__ : '0.0.0-dev';
