<#--
  humanDuration(minutes): a duration for people, e.g. "12 hours", "3 days", "1 day and 6 hours"
  (never a raw number of minutes or seconds, see Keycloak issue 34046). Units and joins are
  message keys (portalDuration...), so each language words them its own way.
-->
<#function humanDuration minutes>
  <#-- linkExpiration arrives as a number; accept a plain digit string too -->
  <#if minutes?is_number>
    <#local total = minutes?floor>
  <#else>
    <#local total = minutes?string?replace("[^0-9]", "", "r")?number>
  </#if>
  <#local days = (total / 1440)?floor>
  <#local hours = ((total % 1440) / 60)?floor>
  <#local mins = total % 60>
  <#local parts = []>
  <#if days gt 0><#local parts = parts + [msg("portalDurationDays", days)]></#if>
  <#if hours gt 0><#local parts = parts + [msg("portalDurationHours", hours)]></#if>
  <#if mins gt 0 || parts?size == 0><#local parts = parts + [msg("portalDurationMinutes", mins)]></#if>
  <#if parts?size == 1>
    <#return parts[0]>
  <#elseif parts?size == 2>
    <#return msg("portalDurationTwo", parts[0], parts[1])>
  <#else>
    <#return msg("portalDurationThree", parts[0], parts[1], parts[2])>
  </#if>
</#function>
