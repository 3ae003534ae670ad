// Types for scripts/codegen.mjs, imported by the tests.
export declare const GENERATED_DIR: string;
export declare const REGENERATE_COMMAND: string;
export declare const SCHEMAS_MODULE: string;
export declare const VALIDATORS: readonly { readonly schema: string; readonly output: string }[];
export declare function rewriteRequires(code: string): { code: string; modules: string[] };
export declare function packageOf(specifier: string): string;
export declare function generate(packageRoot: string): { path: string; contents: string }[];
export declare function findStale(packageRoot: string): string[];
