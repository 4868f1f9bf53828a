using CollectiveLedger.Core.Disclosure;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Core.Ledger;

/// <summary>Ledger settings: locally decided values (objection period, contact, signatories, who approves what), never constants.</summary>
public static class SettingRules
{
    public static readonly IReadOnlyList<string> Keys =
        [.. DisclosureSettings.Keys, NoticeDeadlines.DueDaysKey, ProjectNotice.PostingDaysKey, DistributionNotice.PostingDaysKey, .. Approval.ApprovalPolicy.Keys,
         AttachmentRules.RequiredKey, Bank.BankRules.WindowSetting, DisclosureAttachments.SettingKey];

    /// <param name="state">The books as they stand, for the confusable-name rule of role holders and for
    /// <see cref="Approval.RoleChangeRules"/> (a second person approves who approves; without state neither rule is applied).</param>
    /// <param name="replay">True only when verify replays a logged entry: role holders are then held to the rules they were written under.</param>
    public static Decision Change(string key, string value, LedgerState? state = null, bool replay = false)
    {
        value = value.Trim();
        var place = new Place(Field: key);
        if (!Keys.Contains(key))
            return Decision.Reject(new Violation(ViolationCode.SettingUnknown, place, key, string.Join(", ", Keys)));
        if (key is DisclosureSettings.ObjectionDaysKey or NoticeDeadlines.DueDaysKey or ProjectNotice.PostingDaysKey or DistributionNotice.PostingDaysKey)
        {
            // A project notice and a distribution plan are posted at least 10 days (DOMAIN.md); villagers' objection period
            // and the days after a quarter within which its notice is due are set freely from 1 day.
            var min = key is DisclosureSettings.ObjectionDaysKey or NoticeDeadlines.DueDaysKey ? 1 : ProjectNotice.MinimumPostingDays;
            return int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var days) && days >= min && days <= 90
                ? Decision.Accept(new SettingChanged(key, days.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                : Decision.Reject(new Violation(ViolationCode.SettingInvalid, place, key, $"{min}..90"));
        }
        if (key == Bank.BankRules.WindowSetting)
            return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var window) && window <= Bank.BankRules.MaxWindowDays
                ? Decision.Accept(new SettingChanged(key, window.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                : Decision.Reject(new Violation(ViolationCode.SettingInvalid, place, key, $"0..{Bank.BankRules.MaxWindowDays}"));
        if (key == AttachmentRules.RequiredKey)
            return value is "true" or "false"
                ? Decision.Accept(new SettingChanged(key, value))
                : Decision.Reject(new Violation(ViolationCode.SettingInvalid, place, key, "true | false"));
        if (key == DisclosureAttachments.SettingKey)
            return value is DisclosureAttachments.Hidden or DisclosureAttachments.Shown
                ? Decision.Accept(new SettingChanged(key, value))
                : Decision.Reject(new Violation(ViolationCode.SettingInvalid, place, key, $"{DisclosureAttachments.Hidden} | {DisclosureAttachments.Shown}"));
        if (key == DisclosureSettings.PublicUrlKey)
            return value.Length == 0 || (Audit.CheckLink.IsPublicUrl(value) && value.Length <= TextRules.NameMax)
                ? Decision.Accept(new SettingChanged(key, value.TrimEnd('/')))
                : Decision.Reject(new Violation(ViolationCode.SettingInvalid, place, key, "http(s)://…"));
        var violations = new List<Violation>();
        if (state is not null && Approval.RoleChangeRules.DirectChangeProblem(key, state) is { } second) violations.Add(second);
        var clean = Approval.ApprovalPolicy.Keys.Contains(key)
            ? Approval.ApprovalPolicy.Normalize(key, value, place, violations, state, replay)
            : TextRules.Clean(value, TextRules.NameMax, place, violations);
        return Decision.From(new SettingChanged(key, clean ?? ""), violations);
    }

    /// <summary>
    /// What a person setting <paramref name="key"/> gets: the change itself, or, when it decides who
    /// approves or supervises and a second person must consent, a request for it (<see cref="Approval.RoleChangeRules"/>).
    /// </summary>
    public static Decision Set(string key, string value, LedgerState state, string by) =>
        Approval.RoleChangeRules.NeedsApproval(key, state) ? Approval.RoleChangeRules.Request(key, value, state, by) : Change(key, value, state);

    /// <summary>A checkpoint signing key: a valid note key name, registered once.</summary>
    public static Decision RegisterKey(string name, byte[] publicKey, LedgerState state)
    {
        var place = new Place(Field: "name");
        if (!Audit.SignedNote.IsKeyName(name)) return Decision.Reject(new Violation(ViolationCode.KeyNameInvalid, place, name));
        if (!Audit.SignedNote.IsP256PublicKey(publicKey)) return Decision.Reject(new Violation(ViolationCode.FieldInvalid, new Place(Field: "public_key"), "public_key", "not an ECDSA P-256 public key"));
        var key = new KeyRegistered(name, Audit.SignedNote.KeyIdOf(publicKey), publicKey);
        return state.Key(name, key.KeyId) is null
            ? Decision.Accept(key)
            : Decision.Reject(new Violation(ViolationCode.KeyExists, place, $"{name} ({key.KeyIdHex})"));
    }
}
