/**
 * The project's error contract as the console reads it: every refusal of a Portal Access endpoint is JSON with
 * `error` (a stable code), `errorMessage` (the server's text), and, where they apply, `messageKey` (a message of
 * the console's bundle, under "errors."), `field` (the input it is about) and `params` (the message's arguments).
 * Keycloak's own answers are read too: its ErrorRepresentation (`errorMessage`, `field`, `params`) and OAuth2
 * errors (`error`, `error_description`).
 */
export interface ErrorContract {
  /** HTTP status, when the error came from a response. */
  status?: number;
  error: string;
  errorMessage?: string;
  messageKey?: string;
  field?: string;
  params?: string[];
  /** Every violation when several fields were bad (a settings document); the top level repeats the first. */
  errors?: ErrorContract[];
}

/** A refusal of one of the project's endpoints. */
export class ApiError extends Error {
  readonly contract: ErrorContract;

  constructor(contract: ErrorContract) {
    super(contract.errorMessage ?? contract.error);
    this.name = "ApiError";
    this.contract = contract;
  }
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function asParams(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  return value.map((p) => (typeof p === "string" ? p : JSON.stringify(p)));
}

/** The contract of an HTTP answer: `body` is the parsed JSON, or the text when it was not JSON. */
export function toErrorContract(status: number | undefined, body: unknown): ErrorContract {
  const fallbackCode = status ? `http_${status}` : "network_error";
  if (body && typeof body === "object" && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    const errorMessage = asString(b.errorMessage) ?? asString(b.error_description);
    return {
      status,
      error: asString(b.error) ?? fallbackCode,
      errorMessage,
      messageKey: asString(b.messageKey),
      field: asString(b.field),
      params: asParams(b.params),
      ...(Array.isArray(b.errors) ? { errors: b.errors.map((e) => toErrorContract(status, e)) } : {}),
    };
  }
  const text = asString(body);
  return { status, error: fallbackCode, errorMessage: text && text.length <= 500 ? text : undefined };
}

interface NetworkErrorLike {
  response: { status: number };
  responseData?: unknown;
}

function isNetworkErrorLike(e: unknown): e is NetworkErrorLike {
  return (
    typeof e === "object" &&
    e !== null &&
    "response" in e &&
    typeof (e as { response?: { status?: unknown } }).response?.status === "number"
  );
}

/** Any thrown value as the contract: ApiError, the admin client's NetworkError, or anything else. */
export function errorFromUnknown(e: unknown): ErrorContract {
  if (e instanceof ApiError) {
    return e.contract;
  }
  if (isNetworkErrorLike(e)) {
    return toErrorContract(e.response.status, e.responseData);
  }
  if (e instanceof Error) {
    return { error: "client_error", errorMessage: e.message };
  }
  return { error: "client_error", errorMessage: String(e) };
}

/** The translation functions the display needs (i18next's `t` and `exists` fit). */
export interface Messages {
  t(key: string, options?: Record<string, unknown>): string;
  exists(key: string): boolean;
}

export interface DisplayedError {
  title: string;
  message: string;
  field?: string;
}

/** Positional params as i18next options: "{{0}}", "{{1}}" in a message. */
export function paramOptions(params: string[] | undefined): Record<string, string> {
  const options: Record<string, string> = {};
  (params ?? []).forEach((p, i) => {
    options[String(i)] = p;
  });
  return options;
}

/**
 * What to show for an error: the console's own message for its `messageKey` (with `params`), else the server's
 * `errorMessage`, else the console's message for the `error` code, else a generic text naming the code.
 */
export function describeError(error: ErrorContract, messages: Messages): DisplayedError {
  const params = paramOptions(error.params);
  let message: string;
  if (error.messageKey && messages.exists(`errors.${error.messageKey}`)) {
    message = messages.t(`errors.${error.messageKey}`, params);
  } else if (error.errorMessage) {
    message = error.errorMessage;
  } else if (messages.exists(`errors.${error.error}`)) {
    message = messages.t(`errors.${error.error}`, params);
  } else {
    message = messages.t("errors.generic", { code: error.error });
  }
  return { title: messages.t(titleKey(error)), message, field: error.field };
}

function titleKey(error: ErrorContract): string {
  switch (error.status) {
    case 400:
    case 409:
      return "errors.title.invalid";
    case 401:
      return "errors.title.unauthorized";
    case 403:
      return "errors.title.forbidden";
    case 404:
      return "errors.title.notFound";
    default:
      return "errors.title.failed";
  }
}

/** The errors that belong to a field, by field; errors without a field are left for an alert. */
export function errorsByField(errors: ErrorContract[], messages: Messages): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    if (error.field && !(error.field in out)) {
      out[error.field] = describeError(error, messages).message;
    }
  }
  return out;
}
