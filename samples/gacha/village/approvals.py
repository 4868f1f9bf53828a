"""December's vouchers that go through approval, and the approval steps the demo runs."""

from . import profile
from .dates import d
from .money import yuan
from .vouchers import Cr, Dr, Voucher

# December's vouchers that go through approval (制单 → 审核 → 审批) instead of import: an office
# purchase the finance lead approves alone, a repair sent back once for its acceptance form, and a
# fence repair above the committees' limit that needs a villagers' representative meeting
# resolution. The demo runs approval-steps.json; the people and limits are in settings.json.
PREPARER, REVIEWER, CHAIR, SUPERVISOR = "乌云其其格", "苏和", "巴特尔", "额尔敦"
CASHIER = "萨仁"
APPROVED = [
    Voucher(d(12, 5), "购买打印纸、墨盒等办公用品", [Dr("51302", yuan(860)), Cr("10201", yuan(860))], 2, "normal", 9, 2 * 10 ** 6),
    Voucher(d(12, 8), "机井水泵维修配件及人工费", [Dr("51304", yuan(6800), summary="3号机井水泵维修"), Cr("10201", yuan(6800), cp="C12")],
            3, "normal", 9, 2 * 10 ** 6 + 1),
    Voucher(d(12, 15), "嘎查集体草场围栏修缮工程款", [Dr("51304", yuan(24000), summary="围栏修缮2.4公里"), Cr("10201", yuan(24000), cp="C04")],
            4, "normal", 9, 2 * 10 ** 6 + 2),
]
for i, v in enumerate(APPROVED, 1):
    v.ref = "2025-12-A%02d" % i
APPROVAL_RESOLUTION = profile.VILLAGE + "村民代表会议决议〔2025〕第7号"
APPROVAL_STEPS = [
    (PREPARER, ["vouchers", "draft", "approvals.json"]),
    (PREPARER, ["vouchers", "submit", "1"]), (REVIEWER, ["vouchers", "review", "1"]), (CHAIR, ["vouchers", "approve", "1"]),
    (PREPARER, ["vouchers", "submit", "2"]), (REVIEWER, ["vouchers", "reject", "2", "--reason", "缺少维修验收单，请补附件后重新提交"]),
    (PREPARER, ["vouchers", "draft", "approvals-revised.json"]),
    (PREPARER, ["vouchers", "submit", "2"]), (REVIEWER, ["vouchers", "review", "2"]),
    (CHAIR, ["vouchers", "approve", "2"]), (SUPERVISOR, ["vouchers", "approve", "2"]),
    (PREPARER, ["vouchers", "submit", "3"]), (REVIEWER, ["vouchers", "review", "3"]), (SUPERVISOR, ["vouchers", "approve", "3"]),
    (CHAIR, ["vouchers", "approve", "3", "--resolution", APPROVAL_RESOLUTION]),
]
