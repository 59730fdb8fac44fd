<#--
  Organization (customer) invitation, HTML part. Attributes from Keycloak: organization, link,
  linkExpiration (minutes), firstName/lastName (when the invitee's name is known); from the portal's
  email template provider (spi-tenant-access): inviterName (who invited, by display name) and
  inviteeHasAccount (the address already has an account: no registration). Every text is a message key.
-->
<#import "template.ftl" as layout>
<#import "portal-duration.ftl" as duration>
<#assign brand = properties.portalBrandColor!"#1f2937">
<#assign radius = properties.portalBrandRadius!"6px">
<#assign portal = msg("portalName")>
<@layout.emailLayout>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:${brand};">${msg("portalInviteHeading", organization.name, portal)}</h1>
<p style="margin:0 0 12px;"><#if firstName?? && lastName??>${msg("portalInviteGreeting", firstName, lastName)}<#else>${msg("portalInviteGreetingAnonymous")}</#if></p>
<p style="margin:0 0 12px;"><#if inviterName?? && inviterName?has_content>${msg("portalInviteByInviter", inviterName, organization.name, portal)}<#else>${msg("portalInviteByPortal", organization.name, portal)}</#if></p>
<p style="margin:0 0 12px;">${msg("portalInviteAbout")}</p>
<p style="margin:0 0 24px;"><#if inviteeHasAccount?? && inviteeHasAccount>${msg("portalInviteExistingAccount")}<#else>${msg("portalInviteNewAccount")}</#if></p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 24px;">
  <tr>
    <td style="background-color:${brand};border-radius:${radius};">
      <a href="${link}" style="display:inline-block;padding:12px 28px;color:#ffffff;font-weight:bold;text-decoration:none;">${msg("portalInviteAction")}</a>
    </td>
  </tr>
</table>
<p style="margin:0 0 12px;"><strong>${msg("portalInviteExpiry", duration.humanDuration(linkExpiration))}</strong></p>
<p style="margin:0 0 4px;font-size:13px;color:#6b7280;">${msg("portalInviteLinkHint")}</p>
<p style="margin:0 0 20px;font-size:13px;word-break:break-all;"><a href="${link}" style="color:${brand};">${link}</a></p>
<p style="margin:0;font-size:13px;color:#6b7280;">${msg("portalInviteIgnore")}</p>
</@layout.emailLayout>
