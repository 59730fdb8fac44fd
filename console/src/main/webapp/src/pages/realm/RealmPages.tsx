// The realm pages (issue 14) as one chunk: the shell imports them lazily from here.
export { default as CustomerAccessPage } from "./CustomerAccessPage";
export { default as DenylistPage } from "./DenylistPage";
export { PartnerPage, TenantPage } from "./PartnerPages";
export { default as SelfRegistrationPage } from "./SelfRegistrationPage";
