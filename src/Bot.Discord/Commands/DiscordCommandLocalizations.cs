using Bot.Discord.Wire;

namespace Bot.Discord.Commands;

/// <summary>
/// Korean (<c>ko</c>) names and descriptions for every command and option: our readers are Korean, and Discord shows
/// a command in the client's language when a localization exists. Names follow Discord's rule (lower case, no spaces,
/// 1-32 characters); descriptions stay under 100 characters.
/// </summary>
internal static class DiscordCommandLocalizations
{
    private const string Korean = "ko";

    private static readonly Dictionary<string, (string Name, string Description)> Commands = new(StringComparer.Ordinal)
    {
        ["papers"] = ("논문", "다이제스트에서 논문 검색"),
        ["search"] = ("검색", "다이제스트의 모든 항목 검색"),
        ["refs"] = ("참고문헌", "항목의 참고문헌과 다른 곳에서 인용된 곳"),
        ["digest"] = ("다이제스트", "다이제스트의 섹션별 항목 수와 링크"),
        ["highlights"] = ("하이라이트", "한 섹션의 주요 항목"),
        ["subscribe"] = ("구독", "새 다이제스트를 이 채널에 정해진 일정으로 게시"),
        ["unsubscribe"] = ("구독해지", "이 채널의 구독 중지"),
        ["subscriptions"] = ("구독목록", "이 채널의 구독 목록"),
    };

    private static readonly Dictionary<string, (string Name, string Description)> Options = new(StringComparer.Ordinal)
    {
        ["papers.query"] = ("검색어", "논문 제목이나 요약의 단어"),
        ["papers.limit"] = ("개수", "페이지당 결과 수 (1-10)"),
        ["search.query"] = ("검색어", "찾을 단어"),
        ["search.section"] = ("섹션", "이 섹션만"),
        ["refs.query"] = ("검색어", "항목 제목 (입력하면 제안이 나타납니다)"),
        ["digest.date"] = ("날짜", "다이제스트 날짜 (yyyy-MM-dd); 비우면 최신"),
        ["highlights.section"] = ("섹션", "섹션"),
        ["highlights.digest"] = ("다이제스트", "다이제스트 id 또는 날짜 (yyyy-MM-dd); 비우면 최신"),
        ["subscribe.name"] = ("이름", "구독 이름 (기본: discord-<채널 id>)"),
        ["subscribe.sections"] = ("섹션", "쉼표로 구분한 섹션 키, 전체는 * (기본: 전체)"),
        ["subscribe.cron"] = ("일정", "게시 시각 cron (기본: 0 9 * * MON)"),
        ["subscribe.timezone"] = ("시간대", "IANA 시간대, 예: Asia/Seoul (기본: 봇 설정)"),
        ["subscribe.entries"] = ("항목수", "섹션당 항목 수 (1-25)"),
        ["unsubscribe.name"] = ("이름", "구독 이름 (/subscriptions 참고)"),
    };

    /// <summary>The command with its and its options' Korean localizations (unknown names are left as they are).</summary>
    public static ApplicationCommand Localize(ApplicationCommand command)
    {
        if (!Commands.TryGetValue(command.Name, out var ko))
        {
            return command;
        }

        var options = command.Options?.Select(o => Options.TryGetValue($"{command.Name}.{o.Name}", out var option)
            ? o with { NameLocalizations = One(option.Name), DescriptionLocalizations = One(option.Description) }
            : o).ToList();
        return command with { NameLocalizations = One(ko.Name), DescriptionLocalizations = One(ko.Description), Options = options };
    }

    private static Dictionary<string, string> One(string value) => new(StringComparer.Ordinal) { [Korean] = value };
}
