// Types for scripts/codegen.mjs, imported by the tests.
export declare const GENERATED_DIR: string;
export declare const REGENERATE_COMMAND: string;
export declare const SCHEMAS_MODULE: string;
export declare const VALIDATORS: readonly { readonly schema: string; readonly output: string }[];
export declare const CATALOG_FILE: string;
export declare const MANIFEST_SCHEMA: string;
/** docs/manifest.md, relative to the package folder (`../../docs/manifest.md`). */
export declare const MANIFEST_DOC: string;
export declare const FIELDS_START: string;
export declare const FIELDS_END: string;
/** Rules that check many fields (schema, env-reference), named once in docs/manifest.md instead of in the catalog. */
export declare const EVERY_FIELD_RULES: readonly string[];

/** One entry of catalog/fields.yaml, as read (docs-only keys such as `rules` included). */
export interface CatalogEntry {
  readonly pointer: string;
  readonly section: string;
  readonly dialog: string;
  readonly tab?: string;
  readonly label: string;
  readonly hint: string;
  readonly type: string;
  readonly prescribed?: string | number | boolean;
  readonly example?: string | number | boolean;
  readonly secret?: boolean;
  readonly reference?: boolean;
  readonly rules?: readonly string[];
}

export declare function readCatalog(packageRoot: string): CatalogEntry[];
export declare function fieldDescription(entry: CatalogEntry): string;
export declare function describeFromCatalog(schema: object, catalog: readonly CatalogEntry[]): object;
/** `/azure/permissions/*\/api` -> `azure.permissions[].api`. */
export declare function fieldPath(pointer: string): string;
/** The Markdown that goes between FIELDS_START and FIELDS_END in docs/manifest.md. */
export declare function fieldReference(catalog: readonly CatalogEntry[], schema: object): string;
export declare function replaceFieldsBlock(text: string, block: string, file?: string): string;
/** `../../docs/manifest.md` -> `docs/manifest.md`. */
export declare function shownPath(path: string): string;
export declare function rewriteRequires(code: string): { code: string; modules: string[] };
export declare function packageOf(specifier: string): string;
export declare function generate(packageRoot: string): { path: string; contents: string }[];
export declare function findStale(packageRoot: string): string[];
