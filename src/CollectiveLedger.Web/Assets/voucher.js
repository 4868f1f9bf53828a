// The voucher form's live totals: sums the debit and credit columns as they are typed and shows the
// difference. Written for old browsers too (no modules, no arrow functions). Nothing is decided
// here: the server checks the voucher with Core's rules when it is saved.
(function () {
  var form = document.getElementById('voucher-form');
  if (!form) return;
  function fen(text) {
    text = (text || '').replace(/[,\s]/g, '');
    if (!/^-?\d+(\.\d{1,2})?$/.test(text)) return 0;
    var parts = text.replace('-', '').split('.');
    var value = parseInt(parts[0], 10) * 100 + (parts[1] ? parseInt((parts[1] + '0').substring(0, 2), 10) : 0);
    return text.charAt(0) === '-' ? -value : value;
  }
  function show(value) {
    var negative = value < 0, abs = Math.abs(value);
    var yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    var cents = String(abs % 100);
    return (negative ? '-' : '') + yuan + '.' + (cents.length < 2 ? '0' + cents : cents);
  }
  function sum(cls) {
    var inputs = form.querySelectorAll('input.' + cls), total = 0;
    for (var i = 0; i < inputs.length; i++) total += fen(inputs[i].value);
    return total;
  }
  function update() {
    var debit = sum('debit'), credit = sum('credit');
    var difference = document.getElementById('total-difference');
    document.getElementById('total-debit').textContent = show(debit);
    document.getElementById('total-credit').textContent = show(credit);
    difference.textContent = debit === credit ? difference.getAttribute('data-balanced')
      : difference.getAttribute('data-off') + ' ' + show(debit - credit);
    difference.className = debit === credit ? 'ok' : 'bad';
  }
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
})();
