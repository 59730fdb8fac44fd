<#macro content>
<#-- Portal tagline at the bottom of the login card (message key portalTagline) -->
<div id="portal-tagline" class="portal-tagline">${msg("portalTagline")}</div>
</#macro>
