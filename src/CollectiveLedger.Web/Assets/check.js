// The phone page (/check): checks a notice's checkpoint in the browser, trusting nothing the server says
// about the paper. The address's fragment (never sent to the server) carries the checkpoint printed on the
// notice (n, base64url) and the public key of each signer (k, DER SubjectPublicKeyInfo, base64url).
// 1. the paper's signatures: ECDSA P-256 over the note text, key ID = first 4 bytes of SHA-256 of the key;
// 2. today's checkpoint (/checkpoint): same origin, signed by the same key when it is signed;
// 3. an RFC 6962 consistency proof from the paper's tree to today's (/proof/consistency), checked with SHA-256.
'use strict';
(function () {
    var verdict = document.getElementById('verdict');
    var steps = document.getElementById('steps');
    var evidence = document.getElementById('evidence');
    var utf8 = new TextEncoder();

    function step(ok, zh, en) {
        var li = document.createElement('li');
        li.className = ok === true ? 'ok' : ok === false ? 'bad' : 'note';
        li.textContent = (ok === true ? '✓ ' : ok === false ? '✗ ' : '· ') + zh + ' ' + en;
        steps.appendChild(li);
    }

    function show(item, value) {
        var dt = document.createElement('dt');
        dt.textContent = item;
        var dd = document.createElement('dd');
        dd.textContent = value;
        evidence.appendChild(dt);
        evidence.appendChild(dd);
    }

    function say(cls, zh, en) {
        verdict.className = 'verdict ' + cls;
        verdict.textContent = zh + ' ';
        var small = document.createElement('span');
        small.className = 'en';
        small.textContent = en;
        verdict.appendChild(small);
    }

    function fromBase64(s) {
        var bin = atob(s);
        var out = new Uint8Array(bin.length);
        for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
        return out;
    }

    function fromBase64Url(s) {
        s = s.replace(/-/g, '+').replace(/_/g, '/');
        while (s.length % 4) s += '=';
        return fromBase64(s);
    }

    function hex(bytes) {
        return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    }

    function equal(a, b) {
        if (a.length !== b.length) return false;
        for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
        return true;
    }

    async function sha256(bytes) {
        return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    }

    // A signed note or a bare checkpoint body, normalized as audit-log.md 12.2 says (CRLF, trailing blank space).
    function parseNote(text) {
        text = text.replace(/\r\n/g, '\n').replace(/[ \t\r\n]+$/, '') + '\n';
        var split = text.lastIndexOf('\n\n');
        var body = split >= 0 ? text.slice(0, split + 1) : text;
        var signatures = [];
        if (split >= 0) {
            text.slice(split + 2).split('\n').filter(function (l) { return l.length > 0; }).forEach(function (line) {
                var parts = line.indexOf('\u2014 ') === 0 ? line.slice(2).split(' ') : [];
                if (parts.length !== 2) throw new Error('signature line');
                var payload = fromBase64(parts[1]);
                if (payload.length <= 4) throw new Error('signature line');
                signatures.push({ name: parts[0], keyId: payload.slice(0, 4), signature: payload.slice(4) });
            });
        }
        var lines = body.split('\n');
        if (lines.length < 4 || !/^(0|[1-9][0-9]*)$/.test(lines[1])) throw new Error('checkpoint body');
        var root = fromBase64(lines[2]);
        if (root.length !== 32) throw new Error('checkpoint root');
        return { text: body, origin: lines[0], size: Number(lines[1]), root: root, signatures: signatures };
    }

    // ASN.1 DER SEQUENCE { INTEGER r, INTEGER s } to the 64 bytes r || s WebCrypto verifies.
    function derToRaw(der) {
        var i = 0;
        if (der[i++] !== 0x30) throw new Error('DER');
        var length = der[i++];
        if (length & 0x80) {
            var n = length & 0x7f;
            length = 0;
            while (n-- > 0) length = length * 256 + der[i++];
        }
        if (i + length !== der.length) throw new Error('DER');
        var raw = new Uint8Array(64);
        [0, 32].forEach(function (at) {
            if (der[i++] !== 0x02) throw new Error('DER');
            var l = der[i++];
            var v = der.slice(i, i + l);
            i += l;
            while (v.length > 32 && v[0] === 0) v = v.slice(1);
            if (v.length > 32 || v.length === 0) throw new Error('DER');
            raw.set(v, at + 32 - v.length);
        });
        if (i !== der.length) throw new Error('DER');
        return raw;
    }

    // The note's signatures made by one of the keys: {checked, good}. A signature by another key is ignored (C2SP).
    async function checkSignatures(note, keys) {
        var checked = 0, good = [];
        for (var s = 0; s < note.signatures.length; s++) {
            var sig = note.signatures[s];
            for (var k = 0; k < keys.length; k++) {
                if (!equal(keys[k].id, sig.keyId)) continue;
                checked++;
                var ok = false;
                try {
                    ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, keys[k].key, derToRaw(sig.signature), utf8.encode(note.text));
                } catch (e) {
                    ok = false;
                }
                if (ok) good.push(sig.name + ' (' + hex(sig.keyId) + ')');
            }
        }
        return { checked: checked, good: good };
    }

    async function node(left, right) {
        var buffer = new Uint8Array(65);
        buffer[0] = 1;
        buffer.set(left, 1);
        buffer.set(right, 33);
        return sha256(buffer);
    }

    // RFC 9162 2.1.4.2: whether proof shows the tree (oldSize, oldRoot) a prefix of (newSize, newRoot).
    async function consistent(oldSize, newSize, oldRoot, newRoot, proof) {
        if (oldSize > newSize) return false;
        if (oldSize === newSize) return proof.length === 0 && equal(oldRoot, newRoot);
        if (oldSize === 0) return proof.length === 0;
        if (proof.length === 0) return false;
        var power = (oldSize & (oldSize - 1)) === 0;
        var hashes = power ? [oldRoot].concat(proof) : proof.slice();
        var fn = oldSize - 1, sn = newSize - 1;
        while (fn % 2 === 1) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
        var fr = hashes[0], sr = hashes[0];
        for (var i = 1; i < hashes.length; i++) {
            var c = hashes[i];
            if (sn === 0) return false;
            if (fn % 2 === 1 || fn === sn) {
                fr = await node(c, fr);
                sr = await node(c, sr);
                while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
            } else {
                sr = await node(sr, c);
            }
            fn = Math.floor(fn / 2);
            sn = Math.floor(sn / 2);
        }
        return sn === 0 && equal(fr, oldRoot) && equal(sr, newRoot);
    }

    function rewritten(zh, en, paper, today) {
        say('bad', '不一致', 'inconsistent: evidence of a rewrite');
        step(false, zh, en);
        show('纸上的根 paper root (' + paper.size + ')', hex(paper.root));
        if (today) show('今天日志给出的根 root the log gives today (' + today.size + ')', hex(today.root));
        show('未通过的检查 check that failed', zh + ' ' + en);
    }

    async function run() {
        if (!window.crypto || !crypto.subtle) {
            say('bad', '无法在此核对', 'cannot check here');
            step(false, '浏览器只在 https 网址（或本机地址）上提供核对所需的加密功能，请用 https 网址打开。',
                'The browser offers the cryptography this check needs only on https (or this computer\'s own address): open the https address.');
            return;
        }
        var params = new URLSearchParams(location.hash.slice(1));
        if (!params.get('n')) {
            say('bad', '没有要核对的检查点', 'no checkpoint to check');
            step(false, '请用手机扫描公开榜上的二维码打开本页。', 'Open this page by scanning the QR code on the notice.');
            return;
        }
        var paper;
        try {
            paper = parseNote(new TextDecoder().decode(fromBase64Url(params.get('n'))));
        } catch (e) {
            say('bad', '二维码内容不是检查点', 'the QR code holds no checkpoint');
            return;
        }
        show('纸上 on the paper', paper.origin + ' · ' + paper.size + ' 条 entries');
        var keys = [];
        for (var k of params.getAll('k')) {
            var spki = fromBase64Url(k);
            keys.push({ id: (await sha256(spki)).slice(0, 4), key: await crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']) });
        }

        if (paper.signatures.length === 0) {
            step(null, '未签名：纸上的检查点没有签名，下面的核对只说明账本与纸上一致，不能证明是谁发布的。',
                'unsigned: consistent with the paper, not proof of who issued it.');
        } else {
            var signed = await checkSignatures(paper, keys);
            if (signed.checked === 0 || signed.good.length !== signed.checked) {
                say('bad', '签名无效', 'the signature does not verify');
                step(false, signed.checked === 0 ? '纸上的签名不是二维码所带公钥签的' : '纸上的签名与检查点不符：检查点或签名被改过',
                    signed.checked === 0 ? 'no signature on the paper is by the key the QR code carries' : 'the paper\'s signature does not match its checkpoint: forged or altered');
                return;
            }
            step(true, '纸上的签名有效', 'the paper\'s signature verifies: ' + signed.good.join(', '));
        }

        var today;
        try {
            var response = await fetch('/checkpoint', { cache: 'no-store' });
            today = parseNote(await response.text());
        } catch (e) {
            say('bad', '无法取得今天的检查点', 'cannot fetch today\'s checkpoint');
            return;
        }
        show('今天 today', today.origin + ' · ' + today.size + ' 条 entries');
        if (today.origin !== paper.origin) return rewritten('今天的检查点属于另一本账', 'today\'s checkpoint is of another ledger', paper, today);
        if (keys.length > 0 && today.signatures.length > 0) {
            var todaySigned = await checkSignatures(today, keys);
            if (todaySigned.good.length !== todaySigned.checked) return rewritten('今天的检查点签名无效', 'today\'s checkpoint signature does not verify', paper, today);
            step(todaySigned.checked > 0 ? true : null, todaySigned.checked > 0 ? '今天的检查点由同一把钥匙签名' : '今天的检查点不是同一把钥匙签的',
                todaySigned.checked > 0 ? 'today\'s checkpoint is signed by the same key' : 'today\'s checkpoint is not signed by the paper\'s key');
        } else {
            step(null, '今天的检查点未签名', 'today\'s checkpoint is unsigned');
        }
        if (today.size < paper.size) return rewritten('今天的日志比纸上的短：记录被删除了', 'the log today is shorter than the paper\'s: entries were removed', paper, today);

        var proof;
        try {
            var answer = await fetch('/proof/consistency?old=' + paper.size + '&new=' + today.size, { cache: 'no-store' });
            if (!answer.ok) throw new Error(await answer.text());
            proof = (await answer.json()).hashes.map(fromBase64);
        } catch (e) {
            return rewritten('网站给不出一致性证明', 'the site gives no consistency proof', paper, today);
        }
        if (!(await consistent(paper.size, today.size, paper.root, today.root, proof)))
            return rewritten('一致性证明不成立：纸上的记录已被改写', 'the consistency proof fails: entries on the paper were rewritten', paper, today);
        step(true, '今天的账本以纸上的 ' + paper.size + ' 条记录开头（一致性证明成立）',
            'today\'s books begin with the paper\'s ' + paper.size + ' entries (the consistency proof holds)');
        say('ok', '一致', 'consistent');
        show('根 root', hex(paper.root));
    }

    // Another scanned address opened in the same tab changes only the fragment: check it from the start.
    window.addEventListener('hashchange', function () { location.reload(); });
    run().catch(function (e) {
        say('bad', '核对出错', 'the check failed: ' + e.message);
    });
})();
