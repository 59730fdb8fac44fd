<#--
  Fallback of the "grant portal access" invitation (email self-registration) for email themes that do not
  bring their own (Keycloak's, or a custom theme): the same texts, without a portal's layout. The portal
  email themes of the themes module override it (theme/portal-access/email/html/self-registration-invite.ftl).
-->
<html>
<body>
<p><#if firstName?? && lastName??>${msg("selfRegistrationInviteGreeting", firstName, lastName)}<#else>${msg("selfRegistrationInviteGreetingAnonymous")}</#if></p>
<p><#if companyName?? && companyName?has_content>${msg("selfRegistrationInviteByForCompany", invitedBy, invitedBy, companyName)}<#else>${msg("selfRegistrationInviteBy", invitedBy, invitedBy)}</#if></p>
<p>${msg("selfRegistrationInviteWhatToDo", invitedBy, email)}</p>
<p><a href="${link}">${msg("selfRegistrationInviteAction")}</a></p>
<p>${msg("selfRegistrationInviteExpiry", linkExpirationFormatter(linkExpiration), invitedBy)}</p>
<p>${msg("selfRegistrationInviteIgnore")}</p>
</body>
</html>
