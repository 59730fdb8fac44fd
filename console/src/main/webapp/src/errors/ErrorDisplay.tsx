import { Alert, AlertActionCloseButton, FormHelperText, HelperText, HelperTextItem } from "@patternfly/react-core";
import { useTranslation } from "react-i18next";

import { describeError, type ErrorContract, type Messages } from "./errorContract";

function useMessages(): Messages {
  const { t, i18n } = useTranslation();
  return {
    t: (key, options) => t(key, options) as string,
    exists: (key) => i18n.exists(key),
  };
}

/** An error in an alert: the title by its kind (refused, invalid...), the message by its key or the server's text. */
export function ErrorAlert({ error, onClose }: { error: ErrorContract; onClose?: () => void }) {
  const messages = useMessages();
  const shown = describeError(error, messages);
  return (
    <Alert
      variant="danger"
      isInline
      title={shown.title}
      data-testid="error-alert"
      data-error={error.error}
      actionClose={
        onClose ? <AlertActionCloseButton onClose={onClose} aria-label={messages.t("errors.close")} /> : undefined
      }
    >
      <p>{shown.message}</p>
    </Alert>
  );
}

/**
 * An error under the field it names (PatternFly helper text, for a FormGroup); nothing when `error` is about
 * another field or none.
 */
export function FieldError({ error, field }: { error?: ErrorContract; field: string }) {
  const messages = useMessages();
  if (!error || error.field !== field) {
    return null;
  }
  const shown = describeError(error, messages);
  return (
    <FormHelperText>
      <HelperText>
        <HelperTextItem variant="error" data-testid={`field-error-${field}`}>
          {shown.message}
        </HelperTextItem>
      </HelperText>
    </FormHelperText>
  );
}
