<#--
  "Grant portal access" invitation of email self-registration, HTML part. Attributes from the portal's
  intake (PortalInvitation): invitedBy (the realm's display name), link (set a password), linkExpiration
  (minutes), email (the address to sign in with), companyName (when the address matches a company),
  firstName/lastName (when known). Every text is a message key.
-->
<#import "template.ftl" as layout>
<#import "portal-duration.ftl" as duration>
<#assign brand = properties.portalBrandColor!"#1f2937">
<#assign radius = properties.portalBrandRadius!"6px">
<#assign portal = msg("portalName")>
<@layout.emailLayout>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:${brand};">${msg("selfRegistrationInviteHeading", portal)}</h1>
<p style="margin:0 0 12px;"><#if firstName?? && lastName??>${msg("portalInviteGreeting", firstName, lastName)}<#else>${msg("portalInviteGreetingAnonymous")}</#if></p>
<p style="margin:0 0 12px;"><#if companyName?? && companyName?has_content>${msg("selfRegistrationInviteByForCompany", invitedBy, portal, companyName)}<#else>${msg("selfRegistrationInviteBy", invitedBy, portal)}</#if></p>
<p style="margin:0 0 12px;">${msg("selfRegistrationInviteAbout")}</p>
<p style="margin:0 0 24px;">${msg("selfRegistrationInviteWhatToDo", portal, email)}</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 24px;">
  <tr>
    <td style="background-color:${brand};border-radius:${radius};">
      <a href="${link}" style="display:inline-block;padding:12px 28px;color:#ffffff;font-weight:bold;text-decoration:none;">${msg("selfRegistrationInviteAction")}</a>
    </td>
  </tr>
</table>
<p style="margin:0 0 12px;"><strong>${msg("selfRegistrationInviteExpiry", duration.humanDuration(linkExpiration), invitedBy)}</strong></p>
<p style="margin:0 0 4px;font-size:13px;color:#6b7280;">${msg("portalInviteLinkHint")}</p>
<p style="margin:0 0 20px;font-size:13px;word-break:break-all;"><a href="${link}" style="color:${brand};">${link}</a></p>
<p style="margin:0;font-size:13px;color:#6b7280;">${msg("selfRegistrationInviteIgnore")}</p>
</@layout.emailLayout>
