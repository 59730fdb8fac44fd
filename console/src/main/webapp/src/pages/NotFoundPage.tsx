import { Button, EmptyState, EmptyStateBody, EmptyStateFooter, EmptyStateHeader, EmptyStateIcon, PageSection } from "@patternfly/react-core";
import { SearchIcon } from "@patternfly/react-icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

/** A path of the app that is no page (the server answers every route with the app; the app says "not found"). */
export function NotFoundPage({ realm }: { realm: string }) {
  const { t } = useTranslation();
  return (
    <PageSection isFilled>
      <EmptyState data-testid="not-found">
        <EmptyStateHeader titleText={t("notFound.title")} headingLevel="h1" icon={<EmptyStateIcon icon={SearchIcon} />} />
        <EmptyStateBody>{t("notFound.body")}</EmptyStateBody>
        <EmptyStateFooter>
          <Button variant="primary" component={(props) => <Link {...props} to={`/${encodeURIComponent(realm)}`} />}>
            {t("notFound.home")}
          </Button>
        </EmptyStateFooter>
      </EmptyState>
    </PageSection>
  );
}

export function RealmNotFoundPage({ realm }: { realm: string }) {
  const { t } = useTranslation();
  return (
    <PageSection isFilled>
      <EmptyState data-testid="realm-not-found">
        <EmptyStateHeader titleText={t("realmNotFound.title")} headingLevel="h1" icon={<EmptyStateIcon icon={SearchIcon} />} />
        <EmptyStateBody>{t("realmNotFound.body", { realm })}</EmptyStateBody>
      </EmptyState>
    </PageSection>
  );
}
