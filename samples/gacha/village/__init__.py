"""The sample village's books, modelled independently of CollectiveLedger (generate.py writes them).

The modules build the books when imported, each from the ones it imports, as the single script they
were split from did from top to bottom. One random generator (draws.py) decides every drawn amount,
so the order of the draws is part of the data: members.py draws first, then story.py block by block.

The village and its registers
    money.py, dates.py, draws.py   fen, the year's dates and working days, the seeded generator
    chart.py                       the standard level-1 chart and the village's sub-accounts
    registers.py                   ledger.json's header, funds and their grant terms, counterparties
    members.py                     the 40 households, their facts and private details

The vouchers, in the order the demo posts them
    vouchers.py                    what a voucher and a line are; NORMAL, the files' vouchers
    opening.py                     the opening voucher
    story.py                       the year's business, the four quarterly files' vouchers
    cash.py                        petty cash withdrawn and the till banked, around the story
    voucher_files.py               the files by quarter, refs, the reversal and the corrections
    approvals.py                   December's vouchers that go through approval
    asset_register.py              the register's model and the assets taken over on 2025-01-01
    asset_vouchers.py              the assets of 2025, the herds' steps, each month's depreciation
    contracts.py                   the resource contracts and their receipts

The ledger model and what it expects
    books.py                       posting order, the model's own checks, the year close by naive sums
    trial_balance.py, statements.py, fund_usage.py, notice_summary.py, distribution.py
                                   the expected/* files, each from the naive sums
    chart2004.py                   the smaller village kept in the 2004 chart

Writers
    profile.py                     which village: name, sumu, organization code, seed, output folder
    output.py                      where files go (samples/gacha or profile.OUT) and how JSON is spelled
    voucher_formats.py             JSON, JSON Lines and the two CSV encodings; reading them back
    xlsx_book.py                   the opening and Q1 as a spreadsheet voucher book (.xlsx, stored zip)
    register_formats.py            the asset register as assets.json and as `assets list` prints it
"""
