import {
  ActionGroup,
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Checkbox,
  Form,
  FormGroup,
  Label,
  Spinner,
  Text,
} from "@patternfly/react-core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import type { FeatureDefinition } from "../../api/customers";
import { ErrorAlert } from "../../errors/ErrorDisplay";
import { type ErrorContract, errorFromUnknown } from "../../errors/errorContract";
import type { TabProps } from "./CustomerPage";
import { useCanManage, useCustomersApi } from "./common";
import { featureLabel, requiredBy, switchFeature } from "./features";

type Catalog = { kind: "loading" } | { kind: "ready"; catalog: FeatureDefinition[] } | { kind: "failed"; error: ErrorContract };

interface Consequence {
  kind: "comesWith" | "goesWith";
  feature: string;
  features: string[];
}

/** The realm's catalogue as checkboxes; a feature comes with what it needs and goes with what needs it. */
export function FeaturesTab({ settings, saveSettings, notify }: TabProps) {
  const { t } = useTranslation();
  const api = useCustomersApi();
  const canManage = useCanManage();
  const [catalog, setCatalog] = useState<Catalog>({ kind: "loading" });
  const stored = settings.features ?? [];
  const [chosen, setChosen] = useState<string[]>(stored);
  const [consequences, setConsequences] = useState<Consequence[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorContract>();

  useEffect(() => {
    api.featureSettings().then(
      (s) => setCatalog({ kind: "ready", catalog: s.catalog }),
      (e) => setCatalog({ kind: "failed", error: errorFromUnknown(e) }),
    );
  }, [api]);

  if (catalog.kind === "loading") {
    return <Spinner aria-label={t("app.loading")} />;
  }
  if (catalog.kind === "failed") {
    return (
      <>
        <Alert variant="warning" isInline title={t("customers.features.catalogUnavailable")} className="pf-v5-u-mb-md" />
        <ErrorAlert error={catalog.error} />
        <Text className="pf-v5-u-mt-md" data-testid="features-stored">
          {stored.join(", ")}
        </Text>
      </>
    );
  }
  const features = catalog.catalog;
  const changed = chosen.join("\n") !== stored.join("\n");
  const label = (name: string) => featureLabel(features, name);
  const list = (names: string[]) => names.map(label).join(", ");
  const unknownStored = chosen.filter((n) => !features.some((f) => f.name === n));

  const toggle = (name: string, on: boolean) => {
    const change = switchFeature(features, chosen, name, on);
    setChosen(change.next);
    setError(undefined);
    const note: Consequence[] = [];
    if (change.added.length) {
      note.push({ kind: "comesWith", feature: name, features: change.added });
    }
    if (change.removed.length) {
      note.push({ kind: "goesWith", feature: name, features: change.removed });
    }
    setConsequences(note);
  };

  const save = (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    saveSettings({ features: chosen }).then(
      (doc) => {
        setBusy(false);
        setChosen(doc.features ?? []);
        setConsequences([]);
        notify(t("customers.saved"));
      },
      (err) => {
        setBusy(false);
        setError(errorFromUnknown(err));
      },
    );
  };

  const enabledCount = chosen.filter((n) => features.some((f) => f.name === n)).length;

  return (
    <Card>
      <CardTitle>
        {t("customers.features.title")}{" "}
        <Label color="blue" data-testid="features-summary">
          {t("customers.features.summary", { enabled: enabledCount, total: features.length })}
        </Label>
      </CardTitle>
      <CardBody>
        <Text className="pf-v5-u-mb-md">{t("customers.features.help")}</Text>
        {features.length === 0 ? (
          <Text>{t("customers.features.empty")}</Text>
        ) : (
          <Form onSubmit={save} data-testid="features-form">
            <FormGroup role="group" isStack fieldId={`feature-${features[0].name}`} label={t("customers.features.title")}>
              {features.map((f) => {
                const needs = requiredBy(features, f.name);
                return (
                  <Checkbox
                    key={f.name}
                    id={`feature-${f.name}`}
                    label={f.label || f.name}
                    description={needs.length ? t("customers.features.requires", { features: list(needs) }) : undefined}
                    isChecked={chosen.includes(f.name)}
                    isDisabled={!canManage || busy}
                    onChange={(_e, on) => toggle(f.name, on)}
                    data-testid={`feature-${f.name}`}
                  />
                );
              })}
              {unknownStored.map((n) => (
                <Checkbox
                  key={n}
                  id={`feature-${n}`}
                  label={t("customers.features.unknownStored", { feature: n })}
                  isChecked
                  isDisabled={!canManage || busy}
                  onChange={() => setChosen(chosen.filter((c) => c !== n))}
                  data-testid={`feature-${n}`}
                />
              ))}
            </FormGroup>
            {consequences.map((c) => (
              <Alert
                key={c.kind}
                variant="info"
                isInline
                isPlain
                title={
                  c.kind === "comesWith"
                    ? t("customers.features.comesWith", { feature: label(c.feature), features: list(c.features) })
                    : t("customers.features.goesWith", { feature: label(c.feature), features: list(c.features) })
                }
                data-testid={`features-${c.kind}`}
              />
            ))}
            {error && <ErrorAlert error={error} />}
            {canManage && (
              <ActionGroup>
                <Button type="submit" variant="primary" isLoading={busy} isDisabled={busy || !changed} data-testid="features-save">
                  {t("customers.save")}
                </Button>
                <Button
                  variant="link"
                  isDisabled={busy || !changed}
                  onClick={() => {
                    setChosen(stored);
                    setConsequences([]);
                    setError(undefined);
                  }}
                >
                  {t("customers.features.reset")}
                </Button>
                {changed && <Text data-testid="features-unsaved">{t("customers.features.unsaved")}</Text>}
              </ActionGroup>
            )}
          </Form>
        )}
      </CardBody>
    </Card>
  );
}
