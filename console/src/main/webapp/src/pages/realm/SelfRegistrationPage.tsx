import {
  ActionGroup,
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Checkbox,
  ExpandableSection,
  Flex,
  FlexItem,
  Form,
  FormGroup,
  FormSection,
  Label,
  LabelGroup,
  PageSection,
  Radio,
  TextInput,
} from "@patternfly/react-core";
import { PlusCircleIcon, TrashIcon } from "@patternfly/react-icons";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import {
  ANYONE_METHODS,
  COMPANY_METHODS,
  type CompanySettings,
  isMissingDocument,
  parseService,
  RealmApiError,
  type RegistrationMethod,
  type SelfRegistrationSettings,
  useRealmApis,
} from "../../api/realm";
import { useConsole, useRealm } from "../../ConsoleContext";
import { type ErrorContract, errorFromUnknown } from "../../errors/errorContract";
import { FieldMessage, Loading, NotAvailable, type Option, PageHeader, RefusalAlert, StoredInvalid, Typeahead, useMessages, reasonText } from "./common";
import { fieldErrors, type FieldErrors } from "./fieldErrors";

const DOCUMENT = "settings/self-registration";

/**
 * Customer self-registration (seed 003): "Allow customer self registration", then anyone or only certain companies;
 * one document (settings/self-registration), one Save, all or nothing; every refusal shown by its field.
 */
export default function SelfRegistrationPage() {
  const { t } = useTranslation();
  const { realm, rights } = useRealm();
  const { documents } = useRealmApis();
  const [doc, setDoc] = useState<SelfRegistrationSettings | undefined>();
  const [missing, setMissing] = useState(false);
  const [loadError, setLoadError] = useState<ErrorContract | undefined>();
  const [errors, setErrors] = useState<FieldErrors>(fieldErrors([]));
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  // the mode to come back to when "Allow" is ticked again
  const [lastOpenMode, setLastOpenMode] = useState<"ANYONE" | "COMPANIES">("COMPANIES");
  const canManage = rights.manageRealm;

  useEffect(() => {
    let live = true;
    documents.selfRegistration(realm.name).then(
      (d) => {
        if (live) {
          setDoc(normalise(d));
          if (d.mode !== "NONE") {
            setLastOpenMode(d.mode);
          }
        }
      },
      (e) => {
        if (live) {
          if (isMissingDocument(e)) {
            setMissing(true);
          } else {
            setLoadError(errorFromUnknown(e));
          }
        }
      },
    );
    return () => {
      live = false;
    };
  }, [documents, realm.name]);

  const save = async () => {
    if (!doc) {
      return;
    }
    setSaving(true);
    setSaved(false);
    setErrors(fieldErrors([]));
    try {
      setDoc(normalise(await documents.saveSelfRegistration(realm.name, clean(doc))));
      setSaved(true);
    } catch (e) {
      setErrors(fieldErrors(e instanceof RealmApiError ? e.violations : [errorFromUnknown(e)]));
    } finally {
      setSaving(false);
    }
  };

  const change = (next: SelfRegistrationSettings) => {
    setDoc(next);
    setSaved(false);
  };

  return (
    <>
      <PageHeader title={t("realm.selfReg.title")} description={t("realm.selfReg.description")} />
      <PageSection>
        {missing && <NotAvailable what={DOCUMENT} />}
        {loadError && <RefusalAlert error={loadError} testId="selfreg-error" />}
        {!doc && !missing && !loadError && <Loading />}
        {doc && <StoredInvalid invalid={doc.invalid} />}
        {doc && (
          <Form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <Card>
              <CardBody>
                <FormGroup fieldId="selfreg-allow" role="group">
                  <Checkbox
                    id="selfreg-allow"
                    label={t("realm.selfReg.allow")}
                    description={t("realm.selfReg.allowHelp")}
                    isChecked={doc.mode !== "NONE"}
                    isDisabled={!canManage}
                    onChange={(_e, on) => change({ ...doc, mode: on ? lastOpenMode : "NONE" })}
                    data-testid="selfreg-allow"
                  />
                  {doc.mode !== "NONE" && (
                    <div className="pa-indent" role="radiogroup" aria-label={t("realm.selfReg.who")}>
                      <Radio
                        id="selfreg-mode-companies"
                        name="selfreg-mode"
                        label={t("realm.selfReg.modeCompanies")}
                        description={t("realm.selfReg.modeCompaniesHelp")}
                        isChecked={doc.mode === "COMPANIES"}
                        isDisabled={!canManage}
                        onChange={() => {
                          setLastOpenMode("COMPANIES");
                          change({ ...doc, mode: "COMPANIES" });
                        }}
                        data-testid="selfreg-mode-companies"
                      />
                      <Radio
                        id="selfreg-mode-anyone"
                        name="selfreg-mode"
                        label={t("realm.selfReg.modeAnyone")}
                        description={t("realm.selfReg.modeAnyoneHelp")}
                        isChecked={doc.mode === "ANYONE"}
                        isDisabled={!canManage}
                        onChange={() => {
                          setLastOpenMode("ANYONE");
                          change({ ...doc, mode: "ANYONE" });
                        }}
                        data-testid="selfreg-mode-anyone"
                      />
                    </div>
                  )}
                  {doc.mode === "NONE" && <p className="pa-help" data-testid="selfreg-none">{t("realm.selfReg.modeNoneHelp")}</p>}
                  <FieldMessage error={errors.at("mode")} testId="selfreg-mode-error" />
                </FormGroup>
              </CardBody>
            </Card>
            {doc.mode === "ANYONE" && <AnyoneCard doc={doc} onChange={change} errors={errors} canManage={canManage} />}
            {doc.mode === "COMPANIES" && <CompaniesCard doc={doc} onChange={change} errors={errors} canManage={canManage} />}
            {errors.unplaced.length > 0 && (
              <div data-testid="selfreg-other-errors">
                {errors.unplaced.map((e, i) => (
                  <RefusalAlert key={i} error={e} testId="selfreg-other-error" />
                ))}
              </div>
            )}
            {errors.all.length > 0 && (
              <Alert variant="danger" isInline title={t("realm.selfReg.refused", { count: errors.all.length })} data-testid="selfreg-refused" data-count={errors.all.length} />
            )}
            {saved && <Alert variant="success" isInline title={t("realm.saved")} data-testid="selfreg-saved" />}
            {canManage && (
              <ActionGroup>
                <Button type="submit" variant="primary" isLoading={saving} isDisabled={saving} data-testid="selfreg-save">
                  {t("realm.save")}
                </Button>
              </ActionGroup>
            )}
          </Form>
        )}
      </PageSection>
    </>
  );
}

function AnyoneCard({ doc, onChange, errors, canManage }: { doc: SelfRegistrationSettings; onChange: (d: SelfRegistrationSettings) => void; errors: FieldErrors; canManage: boolean }) {
  const { t } = useTranslation();
  const anyone = doc.anyone;
  const set = (change: Partial<SelfRegistrationSettings["anyone"]>) => onChange({ ...doc, anyone: { ...anyone, ...change } });
  return (
    <Card data-testid="selfreg-anyone">
      <CardTitle component="h2">{t("realm.selfReg.anyoneTitle")}</CardTitle>
      <CardBody>
        <FormSection>
          <ServicesField
            id="selfreg-anyone-services"
            label={t("realm.selfReg.defaultServices")}
            help={t("realm.selfReg.defaultServicesHelp")}
            services={anyone.defaultServices}
            onChange={(defaultServices) => set({ defaultServices })}
            errors={errors}
            field="anyone.defaultServices"
            canManage={canManage}
          />
          <MethodsField
            id="selfreg-anyone"
            methods={ANYONE_METHODS}
            chosen={anyone.methods}
            grantPortalAccess={anyone.grantPortalAccess}
            onChange={(methods, grantPortalAccess) => set({ methods, grantPortalAccess })}
            errors={errors}
            field="anyone"
            canManage={canManage}
          >
            {anyone.methods.includes("directory") && (
              <FormGroup label={t("realm.selfReg.directoryLoginUrl")} fieldId="selfreg-directory-url" labelInfo={t("realm.selfReg.directoryLoginUrlHelp")}>
                <TextInput
                  id="selfreg-directory-url"
                  type="url"
                  value={anyone.directoryLoginUrl ?? ""}
                  placeholder="http://myhost.local:8080"
                  isDisabled={!canManage}
                  validated={errors.at("anyone.directoryLoginUrl") ? "error" : "default"}
                  onChange={(_e, v) => set({ directoryLoginUrl: v })}
                  data-testid="selfreg-directory-url"
                />
                <FieldMessage error={errors.at("anyone.directoryLoginUrl")} testId="selfreg-directory-url-error" />
              </FormGroup>
            )}
          </MethodsField>
        </FormSection>
      </CardBody>
    </Card>
  );
}

function MethodsField({
  id,
  methods,
  chosen,
  grantPortalAccess,
  onChange,
  errors,
  field,
  canManage,
  children,
}: {
  id: string;
  methods: RegistrationMethod[];
  chosen: RegistrationMethod[];
  grantPortalAccess: boolean;
  onChange: (methods: RegistrationMethod[], grantPortalAccess: boolean) => void;
  errors: FieldErrors;
  field: string;
  canManage: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const toggle = (m: RegistrationMethod, on: boolean) => {
    const next = on ? methods.filter((x) => x === m || chosen.includes(x)) : chosen.filter((x) => x !== m);
    onChange(next, m === "email" && !on ? false : grantPortalAccess);
  };
  return (
    <FormGroup label={t("realm.selfReg.methods")} fieldId={`${id}-methods`} role="group" isStack>
      {methods.map((m) => (
        <div key={m}>
          <Checkbox
            id={`${id}-method-${m}`}
            label={t(`realm.selfReg.method.${m}`)}
            description={t(`realm.selfReg.methodHelp.${m}`)}
            isChecked={chosen.includes(m)}
            isDisabled={!canManage}
            onChange={(_e, on) => toggle(m, on)}
            data-testid={`${id}-method-${m}`}
          />
          {m === "email" && chosen.includes("email") && (
            <div className="pa-indent">
              <Checkbox
                id={`${id}-grant-portal-access`}
                label={t("realm.selfReg.grantPortalAccess")}
                description={t("realm.selfReg.grantPortalAccessHelp")}
                isChecked={grantPortalAccess}
                isDisabled={!canManage}
                onChange={(_e, on) => onChange(chosen, on)}
                data-testid={`${id}-grant-portal-access`}
              />
              <FieldMessage error={errors.at(`${field}.grantPortalAccess`)} testId={`${id}-grant-portal-access-error`} />
            </div>
          )}
          {m === "directory" && children}
        </div>
      ))}
      <FieldMessage error={errors.under(`${field}.methods`)[0]} testId={`${id}-methods-error`} />
    </FormGroup>
  );
}

function ServicesField({
  id,
  label,
  help,
  services,
  onChange,
  errors,
  field,
  canManage,
}: {
  id: string;
  label: string;
  help: string;
  services: string[];
  onChange: (services: string[]) => void;
  errors: FieldErrors;
  field: string;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const { admin } = useConsole();
  const { realm } = useRealm();
  const messages = useMessages();

  const search = useCallback(
    async (text: string): Promise<Option[]> => {
      const [roles, groups] = await Promise.all([
        admin.client.roles.find({ realm: realm.name, search: text, max: 10 }),
        admin.client.groups.find({ realm: realm.name, search: text, max: 10, briefRepresentation: true }),
      ]);
      const paths: string[] = [];
      const walk = (gs: { path?: string; name?: string; subGroups?: unknown[] }[]) => {
        for (const g of gs) {
          if (g.path && (!text || g.name?.toLowerCase().includes(text.toLowerCase()))) {
            paths.push(g.path);
          }
          walk((g.subGroups ?? []) as { path?: string; name?: string; subGroups?: unknown[] }[]);
        }
      };
      walk(groups);
      return [
        ...roles
          .filter((r) => !r.name?.startsWith("default-roles-") && r.name !== "offline_access" && r.name !== "uma_authorization")
          .map((r) => ({ id: `role:${r.name}`, label: r.name!, description: t("realm.selfReg.serviceRole"), disabled: services.includes(`role:${r.name}`) })),
        ...paths.map((p) => ({ id: `group:${p}`, label: p, description: t("realm.selfReg.serviceGroup"), disabled: services.includes(`group:${p}`) })),
      ];
    },
    [admin, realm.name, services, t],
  );

  return (
    <FormGroup label={label} fieldId={`${id}-input`} labelInfo={help}>
      {services.length > 0 && (
        <LabelGroup numLabels={20} aria-label={label} data-testid={`${id}-chosen`}>
          {services.map((s, i) => {
            const parsed = parseService(s);
            const error = errors.at(`${field}[${i}]`);
            return (
              <Label
                key={s}
                color={error ? "red" : parsed?.kind === "group" ? "purple" : "blue"}
                onClose={canManage ? () => onChange(services.filter((x) => x !== s)) : undefined}
                closeBtnAriaLabel={t("realm.selfReg.removeService", { service: parsed?.name ?? s })}
                data-testid={`${id}-service`}
                data-service={s}
              >
                {parsed ? `${t(parsed.kind === "role" ? "realm.selfReg.serviceRole" : "realm.selfReg.serviceGroup")}: ${parsed.name}` : s}
                {error ? ` — ${reasonText(error, messages)}` : ""}
              </Label>
            );
          })}
        </LabelGroup>
      )}
      {canManage && (
        <Typeahead
          label={t("realm.selfReg.addService")}
          placeholder={t("realm.selfReg.addService")}
          search={search}
          onPick={(o) => !services.includes(o.id) && onChange([...services, o.id])}
          testId={`${id}-picker`}
        />
      )}
      {services.map((_s, i) => (
        <FieldMessage key={i} error={errors.at(`${field}[${i}]`)} testId={`${id}-error`} />
      ))}
      <FieldMessage error={errors.at(field)} testId={`${id}-error`} />
    </FormGroup>
  );
}

function CompaniesCard({ doc, onChange, errors, canManage }: { doc: SelfRegistrationSettings; onChange: (d: SelfRegistrationSettings) => void; errors: FieldErrors; canManage: boolean }) {
  const { t } = useTranslation();
  const { admin } = useConsole();
  const { realm } = useRealm();
  const [open, setOpen] = useState<string | undefined>();

  const search = useCallback(
    async (text: string): Promise<Option[]> => {
      const found = await admin.client.organizations.find({ realm: realm.name, search: text, first: 0, max: 10 });
      return found.map((o) => ({
        id: o.id!,
        label: o.name ?? o.alias ?? o.id!,
        description: doc.companies.some((c) => c.organizationId === o.id) ? t("realm.selfReg.alreadyPermitted") : (o.domains ?? []).map((d) => d.name).join(", "),
        disabled: doc.companies.some((c) => c.organizationId === o.id),
      }));
    },
    [admin, realm.name, doc.companies, t],
  );

  const pick = async (o: Option) => {
    // a new company starts with the organization's own domains (they are its accepted domains)
    const org = await admin.client.organizations.findOne({ realm: realm.name, id: o.id });
    const company: CompanySettings = {
      organizationId: o.id,
      alias: org?.alias,
      name: org?.name ?? o.label,
      methods: ["portal"],
      grantPortalAccess: false,
      domains: (org?.domains ?? []).map((d) => d.name!).filter(Boolean),
      services: [],
    };
    onChange({ ...doc, companies: [...doc.companies, company] });
    setOpen(o.id);
  };

  const setCompany = (i: number, company: CompanySettings) => onChange({ ...doc, companies: doc.companies.map((c, j) => (j === i ? company : c)) });

  return (
    <Card data-testid="selfreg-companies">
      <CardTitle component="h2">{t("realm.selfReg.companiesTitle")}</CardTitle>
      <CardBody>
        <p>{t("realm.selfReg.companiesHelp")}</p>
        {canManage && (
          <FormGroup label={t("realm.selfReg.permittedCompanies")} fieldId="selfreg-company-search">
            <Typeahead label={t("realm.selfReg.permittedCompanies")} placeholder={t("realm.selfReg.searchCompanies")} search={search} onPick={(o) => void pick(o)} testId="selfreg-company-search" />
          </FormGroup>
        )}
        <FieldMessage error={errors.at("companies")} testId="selfreg-companies-error" />
        {doc.companies.length === 0 && <p data-testid="selfreg-no-companies">{t("realm.selfReg.noCompanies")}</p>}
        {doc.companies.map((c, i) => {
          const bad = errors.under(`companies[${i}]`).length;
          return (
            <ExpandableSection
              key={c.organizationId}
              toggleContent={
                <span data-testid="selfreg-company-toggle" data-company={c.alias ?? c.name}>
                  {c.name ?? c.alias ?? c.organizationId} {bad > 0 && <Label color="red" isCompact>{t("realm.selfReg.companyErrors", { count: bad })}</Label>}
                </span>
              }
              isExpanded={open === c.organizationId || bad > 0}
              onToggle={(_e, expanded) => setOpen(expanded ? c.organizationId : undefined)}
              data-testid="selfreg-company"
              className="pa-company"
            >
              <CompanyForm index={i} company={c} onChange={(next) => setCompany(i, next)} errors={errors} canManage={canManage} onRemove={() => onChange({ ...doc, companies: doc.companies.filter((_x, j) => j !== i) })} />
            </ExpandableSection>
          );
        })}
      </CardBody>
    </Card>
  );
}

function CompanyForm({ index, company, onChange, errors, canManage, onRemove }: { index: number; company: CompanySettings; onChange: (c: CompanySettings) => void; errors: FieldErrors; canManage: boolean; onRemove: () => void }) {
  const { t } = useTranslation();
  const [domain, setDomain] = useState("");
  const field = `companies[${index}]`;
  const id = `selfreg-company-${index}`;
  const add = () => {
    const d = domain.trim();
    if (d && !company.domains.includes(d)) {
      onChange({ ...company, domains: [...company.domains, d] });
    }
    setDomain("");
  };
  return (
    <div className="pa-company-body" data-testid={`${id}-body`}>
      <FieldMessage error={errors.at(`${field}.organizationId`)} testId={`${id}-organization-error`} />
      <MethodsField
        id={id}
        methods={COMPANY_METHODS}
        chosen={company.methods}
        grantPortalAccess={company.grantPortalAccess}
        onChange={(methods, grantPortalAccess) => onChange({ ...company, methods, grantPortalAccess })}
        errors={errors}
        field={field}
        canManage={canManage}
      />
      <FormGroup label={t("realm.selfReg.domains")} fieldId={`${id}-domain`} labelInfo={t("realm.selfReg.domainsHelp")}>
        {company.domains.map((d, j) => (
          <Flex key={`${d}-${j}`} alignItems={{ default: "alignItemsCenter" }} data-testid={`${id}-domain-row`} data-domain={d}>
            <FlexItem>
              <code>{d}</code>
            </FlexItem>
            {canManage && (
              <FlexItem>
                <Button variant="plain" aria-label={t("realm.selfReg.removeDomain", { domain: d })} onClick={() => onChange({ ...company, domains: company.domains.filter((_x, k) => k !== j) })}>
                  <TrashIcon />
                </Button>
              </FlexItem>
            )}
            <FlexItem>
              <FieldMessage error={errors.at(`${field}.domains[${j}]`)} testId={`${id}-domain-error`} />
            </FlexItem>
          </Flex>
        ))}
        {canManage && (
          <Flex>
            <FlexItem grow={{ default: "grow" }}>
              <TextInput
                id={`${id}-domain`}
                value={domain}
                placeholder="example.com"
                aria-label={t("realm.selfReg.newDomain", { company: company.name ?? "" })}
                onChange={(_e, v) => setDomain(v)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    add();
                  }
                }}
                data-testid={`${id}-domain-input`}
              />
            </FlexItem>
            <FlexItem>
              <Button variant="secondary" icon={<PlusCircleIcon />} onClick={add} isDisabled={domain.trim() === ""} data-testid={`${id}-domain-add`}>
                {t("realm.selfReg.addDomain")}
              </Button>
            </FlexItem>
          </Flex>
        )}
        <FieldMessage error={errors.at(`${field}.domains`)} testId={`${id}-domains-error`} />
      </FormGroup>
      <ServicesField
        id={`${id}-services`}
        label={t("realm.selfReg.companyServices")}
        help={t("realm.selfReg.companyServicesHelp")}
        services={company.services}
        onChange={(services) => onChange({ ...company, services })}
        errors={errors}
        field={`${field}.services`}
        canManage={canManage}
      />
      {canManage && (
        <Button variant="link" isDanger icon={<TrashIcon />} onClick={onRemove} data-testid={`${id}-remove`}>
          {t("realm.selfReg.removeCompany", { company: company.name ?? company.alias ?? "" })}
        </Button>
      )}
    </div>
  );
}

function normalise(d: SelfRegistrationSettings): SelfRegistrationSettings {
  return {
    mode: d.mode ?? "NONE",
    anyone: {
      methods: d.anyone?.methods ?? [],
      grantPortalAccess: d.anyone?.grantPortalAccess ?? false,
      defaultServices: d.anyone?.defaultServices ?? [],
      directoryLoginUrl: d.anyone?.directoryLoginUrl ?? null,
    },
    companies: (d.companies ?? []).map((c) => ({ ...c, methods: c.methods ?? [], domains: c.domains ?? [], services: c.services ?? [], grantPortalAccess: c.grantPortalAccess ?? false })),
  };
}

function clean(d: SelfRegistrationSettings): SelfRegistrationSettings {
  const url = d.anyone.directoryLoginUrl?.trim();
  return { ...d, anyone: { ...d.anyone, directoryLoginUrl: url ? url : null } };
}
