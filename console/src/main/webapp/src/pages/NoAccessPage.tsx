import { Button, EmptyState, EmptyStateBody, EmptyStateFooter, EmptyStateHeader, EmptyStateIcon, PageSection } from "@patternfly/react-core";
import { LockIcon } from "@patternfly/react-icons";
import { useTranslation } from "react-i18next";

import { useConsole } from "../ConsoleContext";

/** Signed in, but no administrative right in this realm: say so, and offer to sign in as someone else. */
export function NoAccessPage({ realm }: { realm: string }) {
  const { t } = useTranslation();
  const { auth } = useConsole();
  return (
    <PageSection isFilled>
      <EmptyState data-testid="no-access">
        <EmptyStateHeader titleText={t("noAccess.title")} headingLevel="h1" icon={<EmptyStateIcon icon={LockIcon} />} />
        <EmptyStateBody>{t("noAccess.body", { user: auth.user.username, realm })}</EmptyStateBody>
        <EmptyStateFooter>
          <Button variant="primary" onClick={() => void auth.signOut()} data-testid="no-access-sign-out">
            {t("noAccess.signOut")}
          </Button>
        </EmptyStateFooter>
      </EmptyState>
    </PageSection>
  );
}
