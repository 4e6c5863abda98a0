#include "lint/hub/collector.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <map>
#include <memory>
#include <set>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "lint/hub/api_decode.h"
#include "lint/hub/task_pool.h"
#include "lint/hub/url.h"
#include "lint/util/strings.h"
#include "lint/util/time_format.h"

namespace hublint::hub {
namespace {

// Endpoint names, as progress lines and messages say them.
constexpr char kMembers[] = "members";
constexpr char kEditors[] = "editors";
constexpr char kInvites[] = "invites";
constexpr char kTeams[] = "teams";
constexpr char kTeamMembers[] = "team members";
constexpr char kRepositories[] = "repositories";
constexpr char kRepositoryDetails[] = "repository details";
constexpr char kTeamGrants[] = "team grants";
constexpr char kOrgTokens[] = "organization tokens";
constexpr char kPersonalTokens[] = "personal tokens";
constexpr char kSettings[] = "settings";
constexpr char kRegistryAccess[] = "registry access";
constexpr char kAuditEvents[] = "audit events";

bool Is2xx(int status) { return status >= 200 && status < 300; }

std::optional<int64_t> ParseInt(std::string_view s) {
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || ptr != s.data() + s.size()) {
    return std::nullopt;
  }
  return v;
}

std::string Answer(const HttpResponse& r) {
  std::string message = ErrorMessageOf(r.body);
  return message.empty() ? StatusLine(r.status)
                         : Cat(StatusLine(r.status), " (", message, ")");
}

// One paged list being read.
struct List {
  std::string endpoint;
  std::string base;  // URL without the page parameters
  std::string path;  // its path, which every `next` link must keep
  // Decodes one page, keeps its items, returns the envelope. Called from
  // several threads at once for different pages.
  std::function<absl::StatusOr<PageEnvelope>(const std::string& body,
                                             DecodeNotes* notes)>
      decode;
  // A non-2xx answer (other than a 404 past the end): called at most once.
  std::function<void(const std::string& url, const HttpResponse& response,
                     int page)>
      refused;
  // Everything is in and adds up; called at most once.
  std::function<void()> complete;

  int64_t count = -1;  // from page 1; -1 when the list has none
  int pages = 0;
  std::atomic<int> remaining{0};
  std::atomic<int64_t> items{0};
  std::atomic<bool> stopped{false};
  absl::Mutex mu;
  std::optional<std::string> tail_next ABSL_GUARDED_BY(mu);
};

enum class PageOutcome { kOk, kPastEnd, kStop };

class Collector : public SessionObserver {
 public:
  Collector(const FetchOptions& options, ParsedUrl api,
            const Credentials& credentials, HttpClient& http, Clock& clock,
            FetchProgress* progress)
      : options_(options),
        api_(std::move(api)),
        credentials_(credentials),
        clock_(clock),
        progress_(progress),
        session_(api_, credentials, http, clock, options.session, this),
        org_(UrlEncode(options.org)) {}

  absl::StatusOr<FetchResult> Run();

  void OnRateLimitWait(absl::Duration wait) override {
    if (progress_ == nullptr) return;
    absl::MutexLock lock(&progress_mu_);
    progress_->OnRateLimitWait(wait);
  }
  void OnRetry(const std::string& url, const std::string& reason) override {
    if (progress_ == nullptr) return;
    absl::MutexLock lock(&progress_mu_);
    progress_->OnRetry(url, reason);
  }

 private:
  struct Tracker {
    int open = 0;
    int64_t pages = 0;
    int64_t items = 0;
    absl::Time start;
  };

  std::string Url(std::string_view path) const {
    return Cat(api_.Origin(), path);
  }
  std::string PageUrl(const std::string& base, int page) const {
    return Cat(base, base.find('?') == std::string::npos ? "?" : "&",
               "page=", page, "&page_size=", options_.page_size);
  }

  // --- Endpoint bookkeeping (progress and statistics).
  void Open(const std::string& endpoint) {
    absl::MutexLock lock(&progress_mu_);
    Tracker& t = trackers_[endpoint];
    if (t.open++ == 0 && t.start == absl::Time()) t.start = clock_.Now();
  }
  void Close(const std::string& endpoint) {
    absl::MutexLock lock(&progress_mu_);
    Tracker& t = trackers_[endpoint];
    if (--t.open > 0 || failed()) return;
    EndpointStats stats{endpoint, t.pages, t.items, clock_.Now() - t.start};
    report_.endpoints.push_back(stats);
    if (progress_ != nullptr) {
      progress_->OnEndpointDone(endpoint, stats.pages, stats.items,
                                stats.elapsed);
    }
  }
  void CountPage(const std::string& endpoint, size_t items) {
    absl::MutexLock lock(&progress_mu_);
    Tracker& t = trackers_[endpoint];
    ++t.pages;
    t.items += static_cast<int64_t>(items);
    if (progress_ != nullptr) progress_->OnPage(endpoint, items);
  }

  void Submit(const std::string& endpoint, std::function<void()> fn) {
    Open(endpoint);
    pool_->Submit([this, endpoint, fn = std::move(fn)] {
      if (!failed()) fn();
      Close(endpoint);
    });
  }

  // --- Outcomes.
  bool failed() const { return failed_.load(std::memory_order_acquire); }
  void Fail(absl::Status status) {
    absl::MutexLock lock(&data_mu_);
    if (first_error_.ok()) first_error_ = std::move(status);
    failed_.store(true, std::memory_order_release);
  }
  void FailAnswer(const std::string& endpoint, const std::string& url,
                  const HttpResponse& r) {
    absl::StatusCode code = r.status == 401 ? absl::StatusCode::kUnauthenticated
                            : r.status == 404 ? absl::StatusCode::kNotFound
                                              : absl::StatusCode::kUnavailable;
    Fail(absl::Status(code, Cat(endpoint, ": GET ", url, ": ", Answer(r))));
  }
  void FailAt(const std::string& endpoint, const std::string& url,
              std::string_view why) {
    Fail(
        absl::FailedPreconditionError(Cat(endpoint, ": GET ", url, ": ", why)));
  }
  void AddGap(const std::string& part, const std::string& reason,
              bool limitation = false) {
    absl::MutexLock lock(&data_mu_);
    for (const SourceGap& g : gaps_) {
      if (g.part == part) return;
    }
    gaps_.push_back({part, reason});
    if (limitation) limitation_parts_.insert(part);
  }
  // The usual answer to a refusal: 403 is a gap, anything else fails.
  // `refused`, when given, is set (under data_mu_) either way.
  auto GapOn403(const std::string& part, const std::string& endpoint,
                bool* refused = nullptr) {
    return [this, part, endpoint, refused](const std::string& url,
                                           const HttpResponse& r, int) {
      if (refused != nullptr) {
        absl::MutexLock lock(&data_mu_);
        *refused = true;
      }
      if (r.status == 403) {
        AddGap(part, Cat("GET ", url, ": ", Answer(r)));
      } else {
        FailAnswer(endpoint, url, r);
      }
    };
  }

  // GETs `url`; on a transport or session failure fails the collection.
  std::optional<HttpResponse> Get(const std::string& endpoint,
                                  const std::string& url) {
    absl::StatusOr<HttpResponse> r = session_.Get(url);
    if (!r.ok()) {
      Fail(absl::Status(r.status().code(), Cat(endpoint, ": GET ", url, ": ",
                                               ToStd(r.status().message()))));
      return std::nullopt;
    }
    return std::move(*r);
  }
  // Decodes with `decode`; on failure fails the collection naming the field.
  template <typename T, typename Fn>
  std::optional<T> Decode(const std::string& endpoint, const std::string& url,
                          const HttpResponse& r, Fn decode) {
    DecodeNotes notes;
    absl::StatusOr<T> value = decode(r.body, &notes);
    if (!value.ok()) {
      Fail(absl::InvalidArgumentError(
          Cat(endpoint, ": GET ", url, " (", StatusLine(r.status),
              "): ", ToStd(value.status().message()))));
      return std::nullopt;
    }
    NoteRepair(url, notes);
    return std::move(*value);
  }
  void NoteRepair(const std::string& url, const DecodeNotes& notes) {
    if (!notes.repaired_utf8) return;
    absl::MutexLock lock(&data_mu_);
    report_.warnings.push_back(
        Cat("GET ", url,
            ": invalid UTF-8 in the answer was replaced with "
            "U+FFFD"));
  }

  // --- Paged lists.
  std::shared_ptr<List> NewList(std::string endpoint, std::string base) {
    auto list = std::make_shared<List>();
    list->endpoint = std::move(endpoint);
    list->base = std::move(base);
    absl::StatusOr<ParsedUrl> parsed = ParseUrl(list->base);
    list->path = parsed.ok() ? parsed->path : "";
    return list;
  }
  void FetchList(std::shared_ptr<List> list) {
    std::string endpoint = list->endpoint;
    Submit(endpoint, [this, list] { FirstPage(list); });
  }
  PageOutcome ReadPage(List& list, const std::string& url, int page,
                       PageEnvelope* envelope) {
    std::optional<HttpResponse> r = Get(list.endpoint, url);
    if (!r) return PageOutcome::kStop;
    if (!Is2xx(r->status)) {
      if (r->status == 404 && page > 1) return PageOutcome::kPastEnd;
      if (!list.stopped.exchange(true)) list.refused(url, *r, page);
      return PageOutcome::kStop;
    }
    std::optional<PageEnvelope> env =
        Decode<PageEnvelope>(list.endpoint, url, *r, list.decode);
    if (!env) return PageOutcome::kStop;
    CountPage(list.endpoint, env->result_count);
    *envelope = std::move(*env);
    return PageOutcome::kOk;
  }
  // Whether `next`, found on page `page` (read from `url`), is the link to
  // page `expected` on the API's origin and the list's path.
  bool CheckNext(List& list, const std::string& url, int page,
                 const std::string& next, int expected) {
    absl::StatusOr<ParsedUrl> target = ParseUrl(next);
    if (!target.ok()) {
      FailAt(list.endpoint, url,
             Cat("the `next` link `", next, "` is not an absolute URL"));
      return false;
    }
    if (!target->SameOrigin(api_)) {
      FailAt(list.endpoint, url,
             Cat("the `next` link of page ", page, " points to another host (",
                 target->Origin(), "): not followed with the credentials"));
      return false;
    }
    if (target->path != list.path) {
      FailAt(list.endpoint, url,
             Cat("the `next` link of page ", page, " points to another path (",
                 target->path, ")"));
      return false;
    }
    std::optional<std::string> p = QueryParam(target->query, "page");
    std::optional<int64_t> number = p ? ParseInt(*p) : std::nullopt;
    if (!number) {
      FailAt(list.endpoint, url,
             Cat("the `next` link of page ", page, " has no page number"));
      return false;
    }
    if (*number != expected) {
      FailAt(list.endpoint, url,
             Cat("the `next` link of page ", page, " points to page ", *number,
                 *number <= page ? ", back to an earlier page (a loop)" : "",
                 "; expected page ", expected));
      return false;
    }
    return true;
  }
  void FirstPage(std::shared_ptr<List> list) {
    std::string url = PageUrl(list->base, 1);
    PageEnvelope env;
    if (ReadPage(*list, url, 1, &env) != PageOutcome::kOk) return;
    list->items = static_cast<int64_t>(env.result_count);
    if (env.count) list->count = *env.count;
    if (!env.next) {
      Finish(list, url);
      return;
    }
    if (!CheckNext(*list, url, 1, *env.next, 2)) return;
    if (!env.count || env.result_count == 0) {
      if (env.count && env.result_count == 0) {
        FailAt(list->endpoint, url, "page 1 is empty but has a `next` link");
        return;
      }
      Follow(list, *env.next, 2);
      return;
    }
    int64_t per_page = static_cast<int64_t>(env.result_count);
    int64_t pages = (*env.count + per_page - 1) / per_page;
    if (pages > options_.max_pages) {
      FailAt(list->endpoint, url,
             Cat("`count` ", *env.count, " needs ", pages,
                 " pages, more than the limit of ", options_.max_pages));
      return;
    }
    if (pages <= 1) {
      Follow(list, *env.next, 2);
      return;
    }
    list->pages = static_cast<int>(pages);
    list->remaining = list->pages - 1;
    for (int p = 2; p <= list->pages; ++p) {
      Submit(list->endpoint, [this, list, p] { ParallelPage(list, p); });
    }
  }
  void ParallelPage(std::shared_ptr<List> list, int page) {
    std::string url = PageUrl(list->base, page);
    PageEnvelope env;
    PageOutcome outcome = ReadPage(*list, url, page, &env);
    if (outcome == PageOutcome::kStop) return;
    if (outcome == PageOutcome::kPastEnd) {
      FailAt(list->endpoint, url,
             Cat("404 Not Found for page ", page, " of ", list->pages,
                 " although `count` was ", list->count,
                 " (the list shrank while it was read)"));
      return;
    }
    if (env.count != list->count) {
      FailAt(list->endpoint, url,
             Cat("`count` changed from ", list->count, " to ",
                 env.count.value_or(-1), " while the list was read"));
      return;
    }
    if (page < list->pages) {
      if (!env.next) {
        FailAt(list->endpoint, url,
               Cat("page ", page, " has no `next` link although `count` ",
                   list->count, " makes ", list->pages, " pages"));
        return;
      }
      if (!CheckNext(*list, url, page, *env.next, page + 1)) return;
    } else if (env.next) {
      if (!CheckNext(*list, url, page, *env.next, page + 1)) return;
      absl::MutexLock lock(&list->mu);
      list->tail_next = env.next;
    }
    list->items += static_cast<int64_t>(env.result_count);
    if (--list->remaining == 0) {
      std::optional<std::string> tail;
      {
        absl::MutexLock lock(&list->mu);
        tail = list->tail_next;
      }
      if (tail) {
        Follow(list, *tail, list->pages + 1);
      } else {
        Finish(list, url);
      }
    }
  }
  // Reads pages one after the other by their `next` links, from `url`
  // (page `page`); a 404 ends the list.
  void Follow(std::shared_ptr<List> list, std::string url, int page) {
    while (true) {
      if (failed()) return;
      if (page > options_.max_pages) {
        FailAt(list->endpoint, url,
               Cat("more than ", options_.max_pages, " pages"));
        return;
      }
      PageEnvelope env;
      PageOutcome outcome = ReadPage(*list, url, page, &env);
      if (outcome == PageOutcome::kStop) return;
      if (outcome == PageOutcome::kPastEnd) break;
      list->items += static_cast<int64_t>(env.result_count);
      if (!env.next) break;
      if (!CheckNext(*list, url, page, *env.next, page + 1)) return;
      url = *env.next;
      ++page;
    }
    Finish(list, url);
  }
  void Finish(std::shared_ptr<List> list, const std::string& url) {
    if (list->count >= 0 && list->items != list->count) {
      FailAt(list->endpoint, url,
             Cat("read ", list->items.load(), " items but `count` says ",
                 list->count, " (the list changed while it was read)"));
      return;
    }
    if (list->stopped.exchange(true)) return;
    if (list->complete) list->complete();
  }

  // One GET that is not a list; `ok` gets the 2xx answer, `refused` the
  // others.
  void GetOne(const std::string& endpoint, const std::string& url,
              std::function<void(const HttpResponse&)> ok,
              std::function<void(const std::string&, const HttpResponse&, int)>
                  refused) {
    Submit(endpoint, [=, this] {
      std::optional<HttpResponse> r = Get(endpoint, url);
      if (!r) return;
      if (!Is2xx(r->status)) {
        refused(url, *r, 1);
        return;
      }
      ok(*r);
    });
  }

  // --- The endpoints.
  void StartEditors();
  void StartInvites();
  void StartTeams();
  void StartTeamMembers(const ApiGroup& group);
  void StartRepositories();
  void StartRepositoryDetails(const std::string& name);
  void GrantInputDone(bool ok);
  void StartGrants();
  void StartGrantList(const std::string& repo, bool probe,
                      std::shared_ptr<std::vector<std::string>> repos);
  void StartPerTeamGrants(const std::vector<std::string>& repos);
  void AddGrant(const std::string& repo, const ApiRepositoryGroup& g,
                const std::string& url);
  void StartOrgTokens();
  void StartPersonalTokens();
  void StartSettings();
  void StartAudit();
  absl::StatusOr<OrgState> Assemble();

  const FetchOptions& options_;
  const ParsedUrl api_;
  const Credentials& credentials_;
  Clock& clock_;
  FetchProgress* const progress_;
  HubSession session_;
  const std::string org_;  // URL-encoded
  std::unique_ptr<TaskPool> pool_;
  std::atomic<bool> failed_{false};
  absl::Time collected_at_;

  absl::Mutex progress_mu_;
  std::map<std::string, Tracker> trackers_ ABSL_GUARDED_BY(progress_mu_);

  // Collected data, merged at the end.
  absl::Mutex data_mu_;
  absl::Status first_error_ ABSL_GUARDED_BY(data_mu_);
  std::vector<SourceGap> gaps_ ABSL_GUARDED_BY(data_mu_);
  std::set<std::string> limitation_parts_ ABSL_GUARDED_BY(data_mu_);
  FetchReport report_;  // endpoints under progress_mu_, warnings data_mu_
  std::vector<Member> members_ ABSL_GUARDED_BY(data_mu_);
  bool members_refused_ ABSL_GUARDED_BY(data_mu_) = false;
  std::set<std::string> editors_ ABSL_GUARDED_BY(data_mu_);
  bool editors_refused_ ABSL_GUARDED_BY(data_mu_) = false;
  std::vector<Invite> invites_ ABSL_GUARDED_BY(data_mu_);
  std::vector<ApiGroup> groups_ ABSL_GUARDED_BY(data_mu_);
  bool teams_refused_ ABSL_GUARDED_BY(data_mu_) = false;
  std::map<std::string, std::vector<std::string>> team_members_
      ABSL_GUARDED_BY(data_mu_);
  std::vector<Repository> repos_ ABSL_GUARDED_BY(data_mu_);
  bool repos_refused_ ABSL_GUARDED_BY(data_mu_) = false;
  std::map<std::string, ApiRepositoryDetails> details_
      ABSL_GUARDED_BY(data_mu_);
  // (team name, repository, permission)
  std::vector<std::tuple<std::string, std::string, Permission>> grants_
      ABSL_GUARDED_BY(data_mu_);
  std::atomic<int> grant_inputs_pending_{2};
  std::atomic<bool> grant_inputs_ok_{true};
  std::map<std::string, AccessToken> org_tokens_ ABSL_GUARDED_BY(data_mu_);
  bool org_tokens_refused_ ABSL_GUARDED_BY(data_mu_) = false;
  std::vector<AccessToken> personal_tokens_ ABSL_GUARDED_BY(data_mu_);
  bool personal_tokens_refused_ ABSL_GUARDED_BY(data_mu_) = false;
  std::optional<ImageAccessManagement> iam_ ABSL_GUARDED_BY(data_mu_);
  std::optional<RegistryAccessManagement> ram_ ABSL_GUARDED_BY(data_mu_);
  std::vector<AuditEvent> audit_ ABSL_GUARDED_BY(data_mu_);
};

absl::StatusOr<FetchResult> Collector::Run() {
  absl::Status login = session_.Login();
  if (!login.ok()) {
    if (progress_ != nullptr) progress_->OnFinished();
    return absl::Status(login.code(), Cat("auth: ", ToStd(login.message())));
  }
  collected_at_ = absl::FromUnixSeconds(absl::ToUnixSeconds(clock_.Now()));
  pool_ = std::make_unique<TaskPool>(options_.concurrency);

  // The member list first: its first page also tells whether the
  // organization exists, before anything else is asked.
  auto members = NewList(kMembers, Url(Cat("/v2/orgs/", org_, "/members")));
  members->decode = [this](const std::string& body,
                           DecodeNotes* notes) -> absl::StatusOr<PageEnvelope> {
    absl::StatusOr<Page<Member>> page = DecodeMembersPage(body, notes);
    if (!page.ok()) return page.status();
    absl::MutexLock lock(&data_mu_);
    for (Member& m : page->items) members_.push_back(std::move(m));
    return page->envelope;
  };
  members->refused = [this](const std::string& url, const HttpResponse& r,
                            int page) {
    if (r.status == 404 && page == 1) {
      Fail(absl::NotFoundError(Cat("organization `", options_.org,
                                   "` not found: members: GET ", url, ": ",
                                   Answer(r))));
      return;
    }
    GapOn403("members", kMembers, &members_refused_)(url, r, page);
  };
  absl::Notification first_page;
  Open(kMembers);
  pool_->Submit([this, members, &first_page] {
    FirstPage(members);
    first_page.Notify();
    Close(kMembers);
  });
  first_page.WaitForNotification();

  if (!failed()) {
    StartEditors();
    StartInvites();
    StartTeams();
    StartRepositories();
    StartOrgTokens();
    StartPersonalTokens();
    StartSettings();
    if (options_.audit_since) StartAudit();
  }
  pool_->Wait();
  pool_.reset();
  if (progress_ != nullptr) {
    absl::MutexLock lock(&progress_mu_);
    progress_->OnFinished();
  }
  if (failed()) {
    absl::MutexLock lock(&data_mu_);
    return first_error_;
  }
  absl::StatusOr<OrgState> state = Assemble();
  if (!state.ok()) return state.status();
  FetchResult result;
  result.state = std::move(*state);
  {
    absl::MutexLock lock(&progress_mu_);
    result.report.endpoints = report_.endpoints;
  }
  {
    absl::MutexLock lock(&data_mu_);
    result.report.warnings = report_.warnings;
    result.report.grant_strategy = report_.grant_strategy;
  }
  result.report.session = session_.stats();
  return result;
}

void Collector::StartEditors() {
  auto list =
      NewList(kEditors, Url(Cat("/v2/orgs/", org_, "/members?role=editor")));
  list->decode = [this](const std::string& body,
                        DecodeNotes* notes) -> absl::StatusOr<PageEnvelope> {
    absl::StatusOr<Page<Member>> page = DecodeMembersPage(body, notes);
    if (!page.ok()) return page.status();
    absl::MutexLock lock(&data_mu_);
    for (const Member& m : page->items) editors_.insert(m.username);
    return page->envelope;
  };
  list->refused = GapOn403("members.editors", kEditors, &editors_refused_);
  FetchList(list);
}

void Collector::StartInvites() {
  GetOne(
      kInvites, Url(Cat("/v2/orgs/", org_, "/invites")),
      [this](const HttpResponse& r) {
        std::string url = Url(Cat("/v2/orgs/", org_, "/invites"));
        std::optional<std::vector<Invite>> invites =
            Decode<std::vector<Invite>>(kInvites, url, r, DecodeInvites);
        if (!invites) return;
        CountPage(kInvites, invites->size());
        absl::MutexLock lock(&data_mu_);
        invites_ = std::move(*invites);
      },
      GapOn403("invites", kInvites));
}

void Collector::StartTeams() {
  Open(kTeamMembers);  // held until every team is known
  auto list = NewList(kTeams, Url(Cat("/v2/orgs/", org_, "/groups")));
  list->decode = [this](const std::string& body,
                        DecodeNotes* notes) -> absl::StatusOr<PageEnvelope> {
    absl::StatusOr<Page<ApiGroup>> page = DecodeGroupsPage(body, notes);
    if (!page.ok()) return page.status();
    {
      absl::MutexLock lock(&data_mu_);
      for (const ApiGroup& g : page->items) groups_.push_back(g);
    }
    for (const ApiGroup& g : page->items) StartTeamMembers(g);
    return page->envelope;
  };
  list->refused = [this](const std::string& url, const HttpResponse& r,
                         int page) {
    GapOn403("teams", kTeams, &teams_refused_)(url, r, page);
    Close(kTeamMembers);
    GrantInputDone(false);
  };
  list->complete = [this] {
    Close(kTeamMembers);
    GrantInputDone(true);
  };
  FetchList(list);
}

void Collector::StartTeamMembers(const ApiGroup& group) {
  std::string name = group.name;
  auto list = NewList(kTeamMembers, Url(Cat("/v2/orgs/", org_, "/groups/",
                                            UrlEncode(name), "/members")));
  list->decode = [this, name](
                     const std::string& body,
                     DecodeNotes* notes) -> absl::StatusOr<PageEnvelope> {
    absl::StatusOr<Page<std::string>> page =
        DecodeGroupMembersPage(body, notes);
    if (!page.ok()) return page.status();
    absl::MutexLock lock(&data_mu_);
    std::vector<std::string>& members = team_members_[name];
    for (std::string& u : page->items) members.push_back(std::move(u));
    return page->envelope;
  };
  list->refused = GapOn403("teams.members", kTeamMembers);
  FetchList(list);
}

void Collector::StartRepositories() {
  Open(kRepositoryDetails);  // held until every repository is known
  auto list = NewList(kRepositories,
                      Url(Cat("/v2/namespaces/", org_, "/repositories")));
  list->decode = [this](const std::string& body,
                        DecodeNotes* notes) -> absl::StatusOr<PageEnvelope> {
    absl::StatusOr<Page<Repository>> page = DecodeRepositoriesPage(body, notes);
    if (!page.ok()) return page.status();
    std::vector<std::string> names;
    {
      absl::MutexLock lock(&data_mu_);
      for (Repository& r : page->items) {
        names.push_back(r.name);
        repos_.push_back(std::move(r));
      }
    }
    for (const std::string& name : names) StartRepositoryDetails(name);
    return page->envelope;
  };
  list->refused = [this](const std::string& url, const HttpResponse& r,
                         int page) {
    GapOn403("repositories", kRepositories, &repos_refused_)(url, r, page);
    Close(kRepositoryDetails);
    GrantInputDone(false);
  };
  list->complete = [this] {
    Close(kRepositoryDetails);
    GrantInputDone(true);
  };
  FetchList(list);
}

std::string RepoPath(const std::string& full_name) {
  size_t slash = full_name.find('/');
  return Cat(UrlEncode(full_name.substr(0, slash)), "/",
             UrlEncode(full_name.substr(slash + 1)));
}

void Collector::StartRepositoryDetails(const std::string& name) {
  size_t slash = name.find('/');
  std::string url =
      Url(Cat("/v2/namespaces/", UrlEncode(name.substr(0, slash)),
              "/repositories/", UrlEncode(name.substr(slash + 1))));
  GetOne(
      kRepositoryDetails, url,
      [this, name, url](const HttpResponse& r) {
        std::optional<ApiRepositoryDetails> d = Decode<ApiRepositoryDetails>(
            kRepositoryDetails, url, r, DecodeRepositoryDetails);
        if (!d) return;
        CountPage(kRepositoryDetails, 1);
        absl::MutexLock lock(&data_mu_);
        details_[name] = *d;
      },
      [this](const std::string& url, const HttpResponse& r, int) {
        if (r.status == 403) {
          AddGap("repositories", Cat("immutable-tag settings unknown: GET ",
                                     url, ": ", Answer(r)));
        } else {
          FailAnswer(kRepositoryDetails, url, r);
        }
      });
}

void Collector::GrantInputDone(bool ok) {
  if (!ok) grant_inputs_ok_ = false;
  if (--grant_inputs_pending_ != 0) return;
  if (grant_inputs_ok_) {
    StartGrants();
  } else {
    AddGap("repositories.team_permissions",
           "not read: the team list or the repository list is missing");
    absl::MutexLock lock(&data_mu_);
    report_.grant_strategy = "not read";
  }
}

void Collector::StartGrants() {
  auto repos = std::make_shared<std::vector<std::string>>();
  bool any_team = false;
  {
    absl::MutexLock lock(&data_mu_);
    for (const Repository& r : repos_) repos->push_back(r.name);
    any_team = !groups_.empty();
  }
  if (repos->empty() || !any_team) {
    absl::MutexLock lock(&data_mu_);
    report_.grant_strategy = "none needed (no team or no repository)";
    return;
  }
  // Probe the per-repository list with the first repository; the others
  // follow once it is known whether the API has that route.
  Open(kTeamGrants);
  StartGrantList((*repos)[0], /*probe=*/true, repos);
}

void Collector::AddGrant(const std::string& repo, const ApiRepositoryGroup& g,
                         const std::string& url) {
  absl::MutexLock lock(&data_mu_);
  const ApiGroup* team = nullptr;
  for (const ApiGroup& candidate : groups_) {
    if (candidate.id == g.group_id) team = &candidate;
  }
  if (team == nullptr) {
    for (const ApiGroup& candidate : groups_) {
      if (candidate.name == g.group_name) team = &candidate;
    }
  }
  if (team == nullptr) {
    if (first_error_.ok()) {
      first_error_ = absl::FailedPreconditionError(
          Cat(kTeamGrants, ": GET ", url, ": a grant for team `", g.group_name,
              "` (id ", g.group_id,
              "), which is not in the team list (the teams changed while "
              "they were read)"));
    }
    failed_ = true;
    return;
  }
  grants_.emplace_back(team->name, repo, g.permission);
}

void Collector::StartGrantList(
    const std::string& repo, bool probe,
    std::shared_ptr<std::vector<std::string>> repos) {
  auto list = NewList(
      kTeamGrants, Url(Cat("/v2/repositories/", RepoPath(repo), "/groups/")));
  list->decode = [this, repo, base = list->base](
                     const std::string& body,
                     DecodeNotes* notes) -> absl::StatusOr<PageEnvelope> {
    absl::StatusOr<Page<ApiRepositoryGroup>> page =
        DecodeRepositoryGroupsPage(body, notes);
    if (!page.ok()) return page.status();
    for (const ApiRepositoryGroup& g : page->items) AddGrant(repo, g, base);
    return page->envelope;
  };
  list->refused = [this, probe, repos](const std::string& url,
                                       const HttpResponse& r, int page) {
    if (probe && page == 1 && (r.status == 404 || r.status == 405)) {
      {
        absl::MutexLock lock(&data_mu_);
        report_.grant_strategy = "per team and repository";
      }
      StartPerTeamGrants(*repos);
      Close(kTeamGrants);
      return;
    }
    GapOn403("repositories.team_permissions", kTeamGrants)(url, r, page);
    if (probe) Close(kTeamGrants);
  };
  if (probe) {
    list->complete = [this, repos] {
      {
        absl::MutexLock lock(&data_mu_);
        report_.grant_strategy = "per-repository list";
      }
      for (size_t i = 1; i < repos->size(); ++i) {
        StartGrantList((*repos)[i], /*probe=*/false, repos);
      }
      Close(kTeamGrants);
    };
  }
  FetchList(list);
}

void Collector::StartPerTeamGrants(const std::vector<std::string>& repos) {
  std::vector<ApiGroup> groups;
  {
    absl::MutexLock lock(&data_mu_);
    groups = groups_;
  }
  for (const std::string& repo : repos) {
    for (const ApiGroup& g : groups) {
      std::string url =
          Url(Cat("/v2/repositories/", RepoPath(repo), "/groups/", g.id, "/"));
      GetOne(
          kTeamGrants, url,
          [this, repo, url](const HttpResponse& r) {
            std::optional<ApiRepositoryGroup> grant =
                Decode<ApiRepositoryGroup>(kTeamGrants, url, r,
                                           DecodeRepositoryGroup);
            if (!grant) return;
            CountPage(kTeamGrants, 1);
            AddGrant(repo, *grant, url);
          },
          [this](const std::string& url, const HttpResponse& r, int) {
            if (r.status == 404) {  // no grant
              CountPage(kTeamGrants, 0);
              return;
            }
            GapOn403("repositories.team_permissions", kTeamGrants)(url, r, 1);
          });
    }
  }
}

void Collector::StartOrgTokens() {
  auto list =
      NewList(kOrgTokens, Url(Cat("/v2/orgs/", org_, "/access-tokens")));
  list->decode = [this](const std::string& body,
                        DecodeNotes* notes) -> absl::StatusOr<PageEnvelope> {
    absl::StatusOr<Page<AccessToken>> page = DecodeOrgTokensPage(body, notes);
    if (!page.ok()) return page.status();
    for (const AccessToken& t : page->items) {
      std::string url =
          Url(Cat("/v2/orgs/", org_, "/access-tokens/", UrlEncode(t.id)));
      GetOne(
          kOrgTokens, url,
          [this, url](const HttpResponse& r) {
            std::optional<AccessToken> token =
                Decode<AccessToken>(kOrgTokens, url, r, DecodeOrgToken);
            if (!token) return;
            CountPage(kOrgTokens, 0);
            absl::MutexLock lock(&data_mu_);
            std::string id = token->id;
            org_tokens_[id] = std::move(*token);
          },
          GapOn403("access_tokens.organization", kOrgTokens,
                   &org_tokens_refused_));
    }
    return page->envelope;
  };
  list->refused =
      GapOn403("access_tokens.organization", kOrgTokens, &org_tokens_refused_);
  FetchList(list);
}

void Collector::StartPersonalTokens() {
  auto list = NewList(kPersonalTokens, Url("/v2/access-tokens"));
  std::string owner = credentials_.username;
  list->decode = [this, owner](
                     const std::string& body,
                     DecodeNotes* notes) -> absl::StatusOr<PageEnvelope> {
    absl::StatusOr<Page<AccessToken>> page =
        DecodePersonalTokensPage(body, notes);
    if (!page.ok()) return page.status();
    absl::MutexLock lock(&data_mu_);
    for (AccessToken& t : page->items) {
      t.owner = owner;
      personal_tokens_.push_back(std::move(t));
    }
    return page->envelope;
  };
  list->refused = [this](const std::string& url, const HttpResponse& r,
                         int page) {
    {
      absl::MutexLock lock(&data_mu_);
      personal_tokens_refused_ = true;
    }
    if (r.status != 403) {
      FailAnswer(kPersonalTokens, url, r);
      return;
    }
    // The documented limitation: a login made with an access token may not
    // list personal access tokens.
    std::string message = ErrorMessageOf(r.body);
    bool limitation =
        credentials_.kind() != SecretKind::kPasswordOrLegacyToken ||
        message.find("access token") != std::string::npos;
    AddGap("access_tokens.personal",
           limitation ? Cat("GET ", url, ": ", Answer(r),
                            "; the API lists personal access tokens only to a "
                            "password login, and only the caller's own")
                      : Cat("GET ", url, ": ", Answer(r)),
           limitation);
  };
  FetchList(list);
}

void Collector::StartSettings() {
  GetOne(
      kSettings, Url(Cat("/v2/orgs/", org_, "/settings")),
      [this](const HttpResponse& r) {
        std::string url = Url(Cat("/v2/orgs/", org_, "/settings"));
        std::optional<ImageAccessManagement> iam =
            Decode<ImageAccessManagement>(kSettings, url, r, DecodeOrgSettings);
        if (!iam) return;
        CountPage(kSettings, 1);
        absl::MutexLock lock(&data_mu_);
        iam_ = *iam;
      },
      GapOn403("settings.image_access_management", kSettings));
  GetOne(
      kRegistryAccess,
      Url(Cat("/v2/orgs/", org_, "/settings/registry-access-management")),
      [this](const HttpResponse& r) {
        std::string url =
            Url(Cat("/v2/orgs/", org_, "/settings/registry-access-management"));
        std::optional<RegistryAccessManagement> ram =
            Decode<RegistryAccessManagement>(kRegistryAccess, url, r,
                                             DecodeRegistryAccess);
        if (!ram) return;
        CountPage(kRegistryAccess, 1);
        absl::MutexLock lock(&data_mu_);
        ram_ = *ram;
      },
      [this](const std::string& url, const HttpResponse& r, int) {
        // The route is not in the spec: a 404 means this API (or plan)
        // does not have it.
        if (r.status == 403 || r.status == 404) {
          AddGap("settings.registry_access_management",
                 Cat("GET ", url, ": ", Answer(r)));
        } else {
          FailAnswer(kRegistryAccess, url, r);
        }
      });
}

void Collector::StartAudit() {
  std::string base =
      Url(Cat("/v2/auditlogs/", org_,
              "?from=", UrlEncode(FormatRfc3339(*options_.audit_since))));
  // No count and no next: read pages until one comes back short or empty.
  // A first page shorter than asked may be the server's own page size, so
  // that size is used from then on.
  Submit(kAuditEvents, [this, base] {
    size_t per_page = static_cast<size_t>(options_.page_size);
    for (int page = 1; page <= options_.max_pages; ++page) {
      std::string url = PageUrl(base, page);
      std::optional<HttpResponse> r = Get(kAuditEvents, url);
      if (!r) return;
      if (!Is2xx(r->status)) {
        if (r->status == 404 && page > 1) return;
        GapOn403("audit_events", kAuditEvents)(url, *r, page);
        return;
      }
      std::optional<std::vector<AuditEvent>> events =
          Decode<std::vector<AuditEvent>>(kAuditEvents, url, *r,
                                          DecodeAuditLogs);
      if (!events) return;
      CountPage(kAuditEvents, events->size());
      size_t n = events->size();
      {
        absl::MutexLock lock(&data_mu_);
        for (AuditEvent& e : *events) audit_.push_back(std::move(e));
      }
      if (n == 0 || (page > 1 && n < per_page)) return;
      if (page == 1 && n < per_page) per_page = n;
    }
    FailAt(kAuditEvents, base, Cat("more than ", options_.max_pages, " pages"));
  });
}

absl::StatusOr<OrgState> Collector::Assemble() {
  absl::MutexLock lock(&data_mu_);
  OrgState s;
  s.collected_at = collected_at_;
  s.source.kind = "dockerhub-api";
  s.source.api_url = api_.Origin();
  s.org_name = options_.org;

  // Members, with the editors from ?role=editor.
  if (!members_refused_) {
    s.members = std::move(members_);
    for (Member& m : s.members) {
      if (!editors_refused_ && editors_.contains(m.username)) m.role = "editor";
    }
    std::set<std::string> usernames;
    for (const Member& m : s.members) usernames.insert(m.username);
    for (const std::string& e : editors_) {
      if (!usernames.contains(e)) {
        return absl::FailedPreconditionError(
            Cat(kEditors, ": `", e,
                "` is listed as an editor but not as a "
                "member (the members changed while they "
                "were read)"));
      }
    }
    std::sort(s.members.begin(), s.members.end(),
              [](const Member& a, const Member& b) {
                return a.username < b.username;
              });
  }
  // Teams, their members and grants.
  if (!teams_refused_) {
    std::sort(
        groups_.begin(), groups_.end(),
        [](const ApiGroup& a, const ApiGroup& b) { return a.name < b.name; });
    for (const ApiGroup& g : groups_) {
      Team t;
      t.name = g.name;
      t.id = g.id;
      t.description = g.description;
      if (!members_refused_) {
        t.members = team_members_[g.name];
        std::sort(t.members.begin(), t.members.end());
      }
      s.teams.push_back(std::move(t));
    }
    // A member's `groups` may name a team the team list does not show
    // (it changed in between, or is hidden from this login): keep the
    // membership the team lists say, and warn.
    std::set<std::string> names;
    for (const ApiGroup& g : groups_) names.insert(g.name);
    std::set<std::string> unknown;
    for (Member& m : s.members) {
      std::erase_if(m.teams, [&](const std::string& t) {
        if (names.contains(t)) return false;
        unknown.insert(t);
        return true;
      });
    }
    for (const std::string& t : unknown) {
      report_.warnings.push_back(
          Cat("the member list names team `", t,
              "`, which the team list does not have; that membership is "
              "left out"));
    }
    std::sort(grants_.begin(), grants_.end());
    std::map<std::string_view, Team*> by_name;
    for (Team& t : s.teams) by_name[t.name] = &t;
    for (const auto& [team, repo, permission] : grants_) {
      auto it = by_name.find(team);
      if (it == by_name.end()) continue;
      it->second->repository_permissions.push_back(
          {.repository = repo, .permission = permission});
    }
  } else {
    for (Member& m : s.members) m.teams.clear();
  }
  if (members_refused_) {
    bool covered = false;
    for (const SourceGap& g : gaps_) covered |= g.part == "teams.members";
    if (!covered) {
      gaps_.push_back(
          {"teams.members", "not read: the member list is missing"});
    }
  }
  // Repositories.
  if (!repos_refused_) {
    s.repositories = std::move(repos_);
    for (Repository& r : s.repositories) {
      auto it = details_.find(r.name);
      if (it == details_.end()) continue;
      r.immutable_tags = it->second.immutable_tags;
      if (it->second.is_private) r.is_private = it->second.is_private;
    }
    std::sort(s.repositories.begin(), s.repositories.end(),
              [](const Repository& a, const Repository& b) {
                return a.name < b.name;
              });
  }
  // Tokens: organization tokens with their resources, then personal ones.
  if (!org_tokens_refused_) {
    for (auto& [id, token] : org_tokens_) s.access_tokens.push_back(token);
  }
  if (!personal_tokens_refused_) {
    std::sort(
        personal_tokens_.begin(), personal_tokens_.end(),
        [](const AccessToken& a, const AccessToken& b) { return a.id < b.id; });
    for (AccessToken& t : personal_tokens_) s.access_tokens.push_back(t);
  }
  s.invites = std::move(invites_);
  std::sort(
      s.invites.begin(), s.invites.end(),
      [](const Invite& a, const Invite& b) { return a.invitee < b.invitee; });
  if (iam_) s.settings.image_access_management = *iam_;
  if (ram_) s.settings.registry_access_management = *ram_;
  s.audit_events = std::move(audit_);
  std::stable_sort(s.audit_events.begin(), s.audit_events.end(),
                   [](const AuditEvent& a, const AuditEvent& b) {
                     return a.timestamp.value_or(absl::InfinitePast()) <
                            b.timestamp.value_or(absl::InfinitePast());
                   });

  s.source.gaps = gaps_;
  std::sort(
      s.source.gaps.begin(), s.source.gaps.end(),
      [](const SourceGap& a, const SourceGap& b) { return a.part < b.part; });
  s.source.complete = true;
  for (const SourceGap& g : s.source.gaps) {
    if (!limitation_parts_.contains(g.part)) s.source.complete = false;
  }
  std::vector<StateProblem> problems = s.Finalize();
  if (!problems.empty()) {
    std::string message = problems[0].message;
    if (problems.size() > 1) {
      Append(&message, " (and ", problems.size() - 1, " more)");
    }
    return absl::FailedPreconditionError(
        Cat("the collected state is inconsistent, probably because the "
            "organization changed while it was read: ",
            message));
  }
  return s;
}

}  // namespace

absl::StatusOr<ParsedUrl> CheckApiUrl(const std::string& api_url) {
  absl::StatusOr<ParsedUrl> url = ParseUrl(api_url);
  if (!url.ok()) return url.status();
  if (!url->query.empty() || (url->path != "/" && !url->path.empty())) {
    return absl::InvalidArgumentError(
        Cat("`", api_url, "`: give the API's base URL only, such as ",
            kDefaultApiUrl));
  }
  if (url->scheme == "http" && !IsLoopbackHost(url->host)) {
    return absl::InvalidArgumentError(
        Cat("`", api_url,
            "`: plain HTTP would send the credentials in the "
            "clear; use https (plain http is accepted only for "
            "a loopback address)"));
  }
  return url;
}

absl::StatusOr<FetchResult> FetchOrg(const FetchOptions& options,
                                     const Credentials& credentials,
                                     HttpClient& http, Clock& clock,
                                     FetchProgress* progress) {
  absl::StatusOr<ParsedUrl> api = CheckApiUrl(options.api_url);
  if (!api.ok()) return api.status();
  if (options.org.empty()) {
    return absl::InvalidArgumentError("no organization given");
  }
  if (options.concurrency < 1 || options.page_size < 1) {
    return absl::InvalidArgumentError(
        "concurrency and page size must be at least 1");
  }
  Collector collector(options, *api, credentials, http, clock, progress);
  return collector.Run();
}

}  // namespace hublint::hub
