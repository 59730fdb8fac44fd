import { Bullseye, Button, EmptyState, EmptyStateBody, EmptyStateFooter, EmptyStateHeader, EmptyStateIcon } from "@patternfly/react-core";
import { ExclamationCircleIcon } from "@patternfly/react-icons";
import { useTranslation } from "react-i18next";

import { errorFromUnknown } from "../errors/errorContract";

/** Before the shell exists (no configuration, sign-in failed): what happened, and a way to try again. */
export function StartupError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const contract = errorFromUnknown(error);
  return (
    <Bullseye>
      <EmptyState data-testid="startup-error">
        <EmptyStateHeader
          titleText={t("app.startupFailed")}
          headingLevel="h1"
          icon={<EmptyStateIcon icon={ExclamationCircleIcon} />}
        />
        <EmptyStateBody>
          {t("app.startupFailedBody")}
          {contract.errorMessage && <pre>{contract.errorMessage}</pre>}
        </EmptyStateBody>
        <EmptyStateFooter>
          <Button variant="primary" onClick={() => window.location.reload()}>
            {t("app.reload")}
          </Button>
        </EmptyStateFooter>
      </EmptyState>
    </Bullseye>
  );
}
