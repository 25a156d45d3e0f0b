using System.Globalization;
using System.Text;

namespace WebhookReceiver.Benchmarks.Load;

/// <summary>
/// A realistic GitHub <c>push</c> event (~7 KB: the repository object GitHub embeds, three commits), unique per index,
/// in the shape GitHub documents; Octokit's <c>PushEvent</c> deserializes it.
/// </summary>
public static class GitHubPushPayload
{
    public const string Secret = "It's a Secret to Everybody";

    public static byte[] Create(int index)
    {
        var n = index.ToString("D8", CultureInfo.InvariantCulture);
        var before = Sha(index, 0);
        var after = Sha(index, 3);
        var commits = new StringBuilder();
        for (var c = 1; c <= 3; c++)
        {
            if (c > 1)
                commits.Append(',');
            commits.Append(Commit(index, c));
        }
        var json = $$"""
            {"ref":"refs/heads/main","before":"{{before}}","after":"{{after}}","repository":{{Repository()}},"pusher":{"name":"octocat","email":"octocat@github.com"},"organization":{"login":"octo-org","id":6811672,"node_id":"MDEyOk9yZ2FuaXphdGlvbjY4MTE2NzI=","url":"https://api.github.com/orgs/octo-org","repos_url":"https://api.github.com/orgs/octo-org/repos","events_url":"https://api.github.com/orgs/octo-org/events","hooks_url":"https://api.github.com/orgs/octo-org/hooks","issues_url":"https://api.github.com/orgs/octo-org/issues","members_url":"https://api.github.com/orgs/octo-org/members{/member}","public_members_url":"https://api.github.com/orgs/octo-org/public_members{/member}","avatar_url":"https://avatars.githubusercontent.com/u/6811672?v=4","description":"Octo organisation"},"sender":{{User()}},"created":false,"deleted":false,"forced":false,"base_ref":null,"compare":"https://github.com/octo-org/octo-repo/compare/{{before[..12]}}...{{after[..12]}}","commits":[{{commits}}],"head_commit":{{Commit(index, 3)}},"note":"delivery {{n}}"}
            """;
        return Encoding.UTF8.GetBytes(json);
    }

    // A commit id's shape (40 hex digits), unique per push and commit; not a security use.
    private static string Sha(int index, int commit)
        => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{index}/{commit}")))[..40];

    private static string Commit(int index, int c) => $$"""
        {"id":"{{Sha(index, c)}}","tree_id":"{{Sha(index, c + 100)}}","distinct":true,"message":"Update README.md (change {{c}} of push {{index}})\n\nA longer commit body that explains why the change was made.","timestamp":"2026-11-27T12:0{{c}}:00+01:00","url":"https://github.com/octo-org/octo-repo/commit/{{Sha(index, c)}}","author":{"name":"Mona Octocat","email":"mona@github.com","username":"monalisa"},"committer":{"name":"GitHub","email":"noreply@github.com","username":"web-flow"},"added":[],"removed":[],"modified":["README.md","src/app/main.c"]}
        """;

    private static string User() => """
        {"login":"octocat","id":583231,"node_id":"MDQ6VXNlcjU4MzIzMQ==","avatar_url":"https://avatars.githubusercontent.com/u/583231?v=4","gravatar_id":"","url":"https://api.github.com/users/octocat","html_url":"https://github.com/octocat","followers_url":"https://api.github.com/users/octocat/followers","following_url":"https://api.github.com/users/octocat/following{/other_user}","gists_url":"https://api.github.com/users/octocat/gists{/gist_id}","starred_url":"https://api.github.com/users/octocat/starred{/owner}{/repo}","subscriptions_url":"https://api.github.com/users/octocat/subscriptions","organizations_url":"https://api.github.com/users/octocat/orgs","repos_url":"https://api.github.com/users/octocat/repos","events_url":"https://api.github.com/users/octocat/events{/privacy}","received_events_url":"https://api.github.com/users/octocat/received_events","type":"User","site_admin":false}
        """;

    private static string Repository() => """
        {"id":186853002,"node_id":"MDEwOlJlcG9zaXRvcnkxODY4NTMwMDI=","name":"octo-repo","full_name":"octo-org/octo-repo","private":false,"owner":{"name":"octo-org","email":null,"login":"octo-org","id":6811672,"node_id":"MDEyOk9yZ2FuaXphdGlvbjY4MTE2NzI=","avatar_url":"https://avatars.githubusercontent.com/u/6811672?v=4","gravatar_id":"","url":"https://api.github.com/users/octo-org","html_url":"https://github.com/octo-org","followers_url":"https://api.github.com/users/octo-org/followers","following_url":"https://api.github.com/users/octo-org/following{/other_user}","gists_url":"https://api.github.com/users/octo-org/gists{/gist_id}","starred_url":"https://api.github.com/users/octo-org/starred{/owner}{/repo}","subscriptions_url":"https://api.github.com/users/octo-org/subscriptions","organizations_url":"https://api.github.com/users/octo-org/orgs","repos_url":"https://api.github.com/users/octo-org/repos","events_url":"https://api.github.com/users/octo-org/events{/privacy}","received_events_url":"https://api.github.com/users/octo-org/received_events","type":"Organization","site_admin":false},"html_url":"https://github.com/octo-org/octo-repo","description":"An example repository","fork":false,"url":"https://github.com/octo-org/octo-repo","forks_url":"https://api.github.com/repos/octo-org/octo-repo/forks","keys_url":"https://api.github.com/repos/octo-org/octo-repo/keys{/key_id}","collaborators_url":"https://api.github.com/repos/octo-org/octo-repo/collaborators{/collaborator}","teams_url":"https://api.github.com/repos/octo-org/octo-repo/teams","hooks_url":"https://api.github.com/repos/octo-org/octo-repo/hooks","issue_events_url":"https://api.github.com/repos/octo-org/octo-repo/issues/events{/number}","events_url":"https://api.github.com/repos/octo-org/octo-repo/events","assignees_url":"https://api.github.com/repos/octo-org/octo-repo/assignees{/user}","branches_url":"https://api.github.com/repos/octo-org/octo-repo/branches{/branch}","tags_url":"https://api.github.com/repos/octo-org/octo-repo/tags","blobs_url":"https://api.github.com/repos/octo-org/octo-repo/git/blobs{/sha}","git_tags_url":"https://api.github.com/repos/octo-org/octo-repo/git/tags{/sha}","git_refs_url":"https://api.github.com/repos/octo-org/octo-repo/git/refs{/sha}","trees_url":"https://api.github.com/repos/octo-org/octo-repo/git/trees{/sha}","statuses_url":"https://api.github.com/repos/octo-org/octo-repo/statuses/{sha}","languages_url":"https://api.github.com/repos/octo-org/octo-repo/languages","stargazers_url":"https://api.github.com/repos/octo-org/octo-repo/stargazers","contributors_url":"https://api.github.com/repos/octo-org/octo-repo/contributors","subscribers_url":"https://api.github.com/repos/octo-org/octo-repo/subscribers","subscription_url":"https://api.github.com/repos/octo-org/octo-repo/subscription","commits_url":"https://api.github.com/repos/octo-org/octo-repo/commits{/sha}","git_commits_url":"https://api.github.com/repos/octo-org/octo-repo/git/commits{/sha}","comments_url":"https://api.github.com/repos/octo-org/octo-repo/comments{/number}","issue_comment_url":"https://api.github.com/repos/octo-org/octo-repo/issues/comments{/number}","contents_url":"https://api.github.com/repos/octo-org/octo-repo/contents/{+path}","compare_url":"https://api.github.com/repos/octo-org/octo-repo/compare/{base}...{head}","merges_url":"https://api.github.com/repos/octo-org/octo-repo/merges","archive_url":"https://api.github.com/repos/octo-org/octo-repo/{archive_format}{/ref}","downloads_url":"https://api.github.com/repos/octo-org/octo-repo/downloads","issues_url":"https://api.github.com/repos/octo-org/octo-repo/issues{/number}","pulls_url":"https://api.github.com/repos/octo-org/octo-repo/pulls{/number}","milestones_url":"https://api.github.com/repos/octo-org/octo-repo/milestones{/number}","notifications_url":"https://api.github.com/repos/octo-org/octo-repo/notifications{?since,all,participating}","labels_url":"https://api.github.com/repos/octo-org/octo-repo/labels{/name}","releases_url":"https://api.github.com/repos/octo-org/octo-repo/releases{/id}","deployments_url":"https://api.github.com/repos/octo-org/octo-repo/deployments","created_at":1557933565,"updated_at":"2026-11-27T11:00:00Z","pushed_at":1764244800,"git_url":"git://github.com/octo-org/octo-repo.git","ssh_url":"git@github.com:octo-org/octo-repo.git","clone_url":"https://github.com/octo-org/octo-repo.git","svn_url":"https://github.com/octo-org/octo-repo","homepage":null,"size":59,"stargazers_count":12,"watchers_count":12,"language":"C","has_issues":true,"has_projects":true,"has_downloads":true,"has_wiki":true,"has_pages":false,"has_discussions":false,"forks_count":3,"mirror_url":null,"archived":false,"disabled":false,"open_issues_count":2,"license":null,"allow_forking":true,"is_template":false,"web_commit_signoff_required":false,"topics":["example","webhooks"],"visibility":"public","forks":3,"open_issues":2,"watchers":12,"default_branch":"main","stargazers":12,"master_branch":"main","organization":"octo-org","custom_properties":{}}
        """;
}
