/**
 * What a front end needs before it knows which command runs: the errors, the escaping of text for a
 * terminal, where config files are. A separate entry (`@tmcheck/lint/light`) so that a bundle's start
 * (`tmcheck --version`, `--help`) loads no rule, no YAML parser, no schema.
 */
export { ConfigError, NoManifestError, OptionError, PathError, StdinError, UsageError, closest } from './errors.js';
export { escapeControls } from './text/escape.js';
export { CONFIG_FILE_NAMES, findConfigFile } from './files/config-files.js';
