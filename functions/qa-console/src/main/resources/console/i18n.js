// UI text, zh-CN first (the shops' language) and en. Transcript text is never translated or altered here.
"use strict";
window.KEFU_I18N = {
  "zh-CN": {
    title: "客服质检", queue: "待办队列", myChats: "我的会话", report: "报表", signIn: "登录", signOut: "退出",
    signInPrompt: "请登录后使用质检控制台。", needsYou: "需要您处理", oldestOpen: "最早待处理会话关闭于",
    NEEDS_REVIEW: "待复核", DISPUTED: "申诉中", FAIL: "不合格", REVIEWED: "已复核", PASS: "合格",
    allQueue: "待办（待复核/申诉/不合格）", all: "全部", status: "状态", agent: "客服", team: "团队", rule: "规则",
    minScore: "最低分", maxScore: "最高分", from: "开始日期", to: "结束日期", apply: "筛选", more: "加载更多",
    closed: "关闭时间", chat: "会话", score: "分数", failedRules: "未通过规则", none: "无", empty: "没有符合条件的会话",
    back: "返回队列", rulebook: "规则版本", autoScore: "自动评分", reviewedScore: "复核分", complaint: "投诉",
    wholeChat: "整体", trail: "复核记录", versions: "评分版本", followUps: "回访任务", accept: "确认评分",
    override: "修改评分", reason: "理由（至少5个字）", overturned: "判错的规则", newScore: "新分数", submit: "提交",
    dispute: "申诉", disputeUntil: "申诉截止", resolve: "处理申诉", uphold: "申诉成立（改分）", reject: "驳回申诉",
    done: "已保存", readOnly: "只读（经理视图）", noDispute: "不可申诉（已申诉、已过期或不是您的会话）",
    myAverage: "我的平均分", average: "平均分", chats: "会话数", passRate: "合格率", reviewed: "已复核", overridden: "已改分",
    backlog: "待处理", distribution: "分数分布", weekly: "每周平均分", leaderboard: "客服排行", ruleRate: "规则未通过率",
    backlogAge: "待处理积压（按天）", complaints: "投诉类型", notApplied: "最后一条记录未生效（复核中断），请重新复核",
    keys: "快捷键：j/k 上下移动，Enter 打开，n 下一条，p 上一条，a 确认评分，o 修改评分，q 返回队列",
    inForce: "生效中", superseded: "已被替换", times: "时间均为店铺时区", forbidden: "无权访问", notFound: "未找到"
  },
  "en": {
    title: "Kefu QA console", queue: "Review queue", myChats: "My chats", report: "Report", signIn: "Sign in", signOut: "Sign out",
    signInPrompt: "Sign in to use the QA console.", needsYou: "Needs you now", oldestOpen: "Oldest open chat closed",
    NEEDS_REVIEW: "Needs review", DISPUTED: "Disputed", FAIL: "Fail", REVIEWED: "Reviewed", PASS: "Pass",
    allQueue: "Queue (needs review, disputed, fail)", all: "All", status: "Status", agent: "Agent", team: "Team", rule: "Rule",
    minScore: "Min score", maxScore: "Max score", from: "From", to: "To", apply: "Apply", more: "Load more",
    closed: "Closed", chat: "Chat", score: "Score", failedRules: "Failed rules", none: "none", empty: "No chats match",
    back: "Back to the queue", rulebook: "Rulebook", autoScore: "Automatic score", reviewedScore: "Reviewed score", complaint: "Complaint",
    wholeChat: "Whole chat", trail: "Review trail", versions: "Score versions", followUps: "Follow-ups", accept: "Accept score",
    override: "Override score", reason: "Reason (at least 5 characters)", overturned: "Wrongly failed rules", newScore: "New score", submit: "Submit",
    dispute: "Dispute", disputeUntil: "Dispute until", resolve: "Resolve dispute", uphold: "Uphold (new score)", reject: "Reject",
    done: "Saved", readOnly: "Read only (manager)", noDispute: "Cannot dispute (already disputed, window closed, or not your chat)",
    myAverage: "My average", average: "Average score", chats: "Chats", passRate: "Pass rate", reviewed: "Reviewed", overridden: "Overridden",
    backlog: "Open backlog", distribution: "Score distribution", weekly: "Average per week", leaderboard: "Agents", ruleRate: "Failure rate per rule",
    backlogAge: "Open backlog by age", complaints: "Complaint types", notApplied: "The last record is not applied (interrupted review): review again",
    keys: "Keys: j/k move, Enter open, n next, p previous, a accept, o override, q back to the queue",
    inForce: "in force", superseded: "superseded", times: "times in the shop's zone", forbidden: "Forbidden", notFound: "Not found"
  }
};
