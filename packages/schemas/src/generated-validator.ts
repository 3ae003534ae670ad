/** An error as ajv's generated code reports it (ajv's ErrorObject without `verbose` data). */
export interface GeneratedError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** The shape of a validator in src/generated/ (ajv standalone code). */
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: readonly GeneratedError[] | null;
}
