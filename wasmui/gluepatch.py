"""A cheaper start-up for Pyodide's Emscripten glue (``pyodide.asm.mjs``), patched at build time.

Every visit (a warm one too: the memory snapshot is restored into a freshly started module) runs
the glue's dynamic-linking start-up: ``updateGOT`` puts ~5000 of the ~8500 wasm exports into the
function table one ``addFunction`` at a time, ``reportUndefinedSymbols`` makes ~260 JS -> wasm
wrappers, each after a ``TypeError`` thrown by ``Table.set`` and each from its own tiny wasm
module, and ``assignWasmExports`` (387 kB of source, a third of the glue: V8 parses it on import
and compiles it when called) assigns ~4900 exports of which the glue reads ~130.

The patches keep what the start-up produces (the table's entries at the same indices: a memory
snapshot holds function pointers; the same ``GOT`` values; the same ``Module`` properties):

* ``assignWasmExports``: the exports no other glue code reads are assigned to ``Module`` by a
  loop over their names (one string literal), not one statement each (measured in Chromium: its
  lazy compile was 10-20 ms of ``receiveInstance``, and the import parses 30% less);
* ``reportUndefinedSymbols``: the functions it adds go into the table in one batch
  (``addFunctions``: the same slots in the same order), JS functions (told apart by their source
  text instead of a thrown error) get their wrappers from one wasm module;
* ``updateGOT``: the main module's exports already in the table (its element segment, read from
  the wasm at build time) are found by function index, not by a scan of the table (8733
  ``Table.get``, 5-7 ms): the scan is put off until another lookup needs it (none during a boot);
  one ``GOT`` lookup per symbol, a new entry made with its value;
* the ``GOT``: the main module's ~8500 new entries are kept as numbers until first asked for
  (``GOTHandler``, ``updateGOT``; ``Module.GOT`` itself lists them only from then on, which
  nothing in Pyodide reads); ``reportUndefinedSymbols`` walks only the entries ``GOTHandler`` made;
* ``mergeLibSymbols`` without an array and a closure per export, ``isInternalSym`` with a ``Set``
  (it built an array per call). (A batched ``updateGOT``, one ``Table.grow``, measured slower.)
* ``finalizeBootstrap`` after a restore from a memory snapshot (a repeat visit) takes importlib,
  ``__main__``'s and builtins' dicts by calls instead of compiling four lines of Python: the
  parser and compiler were the first ~900 wasm functions V8 compiled lazily after a restore.

Each patch replaces exact text of the pinned npm ``pyodide`` (see ``architecture.md``). When one
is not found (another Pyodide), the glue ships unpatched and the build says so.
``tests/runtime/test_gluepatch.py`` (Node) and ``tests/e2e/test_gluepatch_chromium.py`` check that
the patch applies and that after start-up the table (each entry, where the map places it) and the
``GOT`` are those of the unpatched glue, and that a restore holds the same objects without compiling,
with the real package.
"""

from __future__ import annotations

import re
import sys

ASSIGN_START = "function assignWasmExports(wasmExports){"
ASSIGN_END = "}var wasmImports="
# One statement of assignWasmExports: `_X=Module["_X"]=wasmExports["X"]` (`.value>>>0`: a data address).
ASSIGNMENT = re.compile(r'([A-Za-z0-9_$]+)=Module\["([A-Za-z0-9_$]+)"\]=wasmExports\["([A-Za-z0-9_$]+)"\](\.value>>>0)?')
IDENTIFIER = re.compile(r"[A-Za-z0-9_$]+")

INTERNAL_SYMS_OLD = 'var isInternalSym=symName=>['
INTERNAL_SYMS_END_OLD = '].includes(symName)||symName.startsWith("__em_js__");'

UPDATE_GOT_OLD = (
    'var updateGOT=(exports,replace)=>{for(var symName in exports){if(isInternalSym(symName)){continue}'
    'var value=exports[symName];var existingEntry=GOT[symName]&&GOT[symName].value!=-1;'
    'if(replace||!existingEntry){var newValue;if(typeof value=="function"){newValue=addFunction(value)}'
    'else if(typeof value.value=="number"){newValue=value}else{continue}'
    'GOT[symName]??=new WebAssembly.Global({value:"i32",mutable:true});GOT[symName].value=newValue}}};')
# The same with one GOT lookup per symbol, and a new entry made with its value (not set after);
# the main module's new entries (~8500) are kept as numbers until something asks for one (gotEntry).
UPDATE_GOT_NEW = (
    'var updateGOT=(exports,replace)=>{for(var symName in exports){if(isInternalSym(symName)){continue}'
    'var value=exports[symName];var entry=GOT[symName]??gotEntry(symName);var existingEntry=entry&&entry.value!=-1;'
    'if(replace||!existingEntry){var newValue;if(typeof value=="function"){newValue=addFunction(value)}'
    'else if(typeof value.value=="number"){newValue=value}else{continue}'
    'if(entry){entry.value=newValue}else if(gotLazyMode){gotLazy.set(symName,+newValue)}'
    'else{GOT[symName]=new WebAssembly.Global({value:"i32",mutable:true},newValue)}}}};')
MERGE_OLD = (
    'var mergeLibSymbols=(exports,libName)=>{for(var[sym,exp]of Object.entries(exports)){const setImport=target=>'
    '{if(!isSymbolDefined(target)){wasmImports[target]=exp}};setImport(sym);const main_alias="__main_argc_argv";'
    'if(sym=="main"){setImport(main_alias)}if(sym==main_alias){setImport("main")}}};')
# The same, without an entry array and a closure per export (~8500 of them).
MERGE_NEW = (
    'var mergeLibSymbols=(exports,libName)=>{const main_alias="__main_argc_argv";for(var sym of Object.keys(exports))'
    '{var exp=exports[sym];if(!isSymbolDefined(sym)){wasmImports[sym]=exp}'
    'if(sym=="main"&&!isSymbolDefined(main_alias)){wasmImports[main_alias]=exp}'
    'if(sym==main_alias&&!isSymbolDefined("main")){wasmImports["main"]=exp}}};')

REPORT_OLD = (
    'if(typeof value=="function"){entry.value=addFunction(value,value.sig)}else if(typeof value=="number")'
    '{entry.value=value}else if(typeof value.value=="number"){entry.value=value}else{throw new Error(`bad export '
    'type for \'${symName}\': ${typeof value} (${value})`)}}}};')
REPORT_NEW = (
    'if(typeof value=="function"){reportEntries.push(entry);reportFuncs.push([value,value.sig])}'
    'else if(typeof value=="number")'
    '{entry.value=value}else if(typeof value.value=="number"){entry.value=value}else{throw new Error(`bad export '
    'type for \'${symName}\': ${typeof value} (${value})`)}}}'
    '}catch(error){reportError=error;gotUnresolved=names.slice(at).concat(gotUnresolved)}'
    'var reportAddrs=addFunctions(reportFuncs,true);'
    'for(var k=0;k<reportEntries.length;k++){reportEntries[k].value=reportAddrs[k]}if(reportError){throw reportError}};')
REPORT_START_OLD = 'var reportUndefinedSymbols=()=>{for(var[symName,entry]of Object.entries(GOT)){'
# Only the entries GOTHandler made (value -1: the only ones that can still be -1), in the order it
# made them (the GOT's own order), instead of all ~9000 with a `.value` read each. When a symbol
# is missing, the functions before it are still added (as one by one) and the names from it on stay
# listed for the next call, as they stay -1 in the GOT.
REPORT_START_NEW = ('var reportUndefinedSymbols=()=>{var reportEntries=[],reportFuncs=[],reportError=null;'
                    'var names=gotUnresolved;gotUnresolved=[];var at=0;try{'
                    'for(;at<names.length;at++){var symName=names[at];var entry=GOT[symName];')
GOT_HANDLER_OLD = 'rtn=GOT[symName]=new WebAssembly.Global({value:"i32",mutable:true},-1)}'
GOT_HANDLER_NEW = 'rtn=GOT[symName]=new WebAssembly.Global({value:"i32",mutable:true},-1);gotUnresolved.push(symName)}'
GOT_OLD = 'var GOT={};'
# gotLazy: the GOT entries of the main module's exports, as their values (a WebAssembly.Global
# each was ~4 ms of the boot, and as many objects to collect), made into the GOT's Global when
# first asked for: by GOTHandler (a module's GOT import, Module.GOTHandler) or by updateGOT.
GOT_NEW = ('var GOT={};var gotUnresolved=[];var gotLazy=new Map;var gotLazyMode=false;'
           'var gotEntry=symName=>{if(!gotLazy.has(symName)){return undefined}var value=gotLazy.get(symName);'
           'gotLazy.delete(symName);return GOT[symName]=new WebAssembly.Global({value:"i32",mutable:true},value)};')
GOT_HANDLER_GET_OLD = 'var GOTHandler={get(weakImports,symName){var rtn=GOT[symName];if(!rtn){'
GOT_HANDLER_GET_NEW = 'var GOTHandler={get(weakImports,symName){var rtn=GOT[symName]??gotEntry(symName);if(!rtn){'

ADD_FUNCTION_OLD = (
    'var addFunction=(func,sig)=>{var rtn=getFunctionAddress(func);if(rtn){return rtn}var ret=getEmptyTableSlot();'
    'try{setWasmTableEntry(ret,func)}catch(err){if(!(err instanceof TypeError)){throw err}'
    'var wrapped=convertJsFunctionToWasm(func,sig);setWasmTableEntry(ret,wrapped)}'
    'functionsInTableMap.set(func,ret);return ret};')
# addFunctions(list of [func, sig], maybeJs): the table indices `addFunction(func, sig)` gives one
# call after the other. The new slots are the table's next ones in order (no free slot: else one
# by one), grown at once. A function whose source text shows it is JS (maybeJs) is not tried in
# the table first; JS functions get their wrappers from one module (`convertJsFunctionsToWasm`).
ADD_FUNCTIONS = (
    'var wasmFunctionText=/^function \\d+\\(\\) \\{ \\[native code\\] \\}$/;'
    'var addFunctions=(funcs,maybeJs)=>{var out=new Array(funcs.length);'
    'if(freeTableIndexes.length){for(var k=0;k<funcs.length;k++){out[k]=addFunction(funcs[k][0],funcs[k][1])}return out}'
    'var fresh=[];var base=wasmTable.length;'
    'var plain=funcs.map(([f])=>maybeJs&&!wasmFunctionText.test(Function.prototype.toString.call(f)));'
    # A JS function is in the map only if added by addFunction: the table's own entries are wasm
    # functions, so its lookup needs no scan of the table (see initialTableFor).
    'for(var k=0;k<funcs.length;k++){var f=funcs[k][0];'
    'var rtn=plain[k]&&initialTable?functionsInTableMap.get(f)||0:getFunctionAddress(f);'
    'if(!rtn){rtn=base+fresh.length;fresh.push(k);functionsInTableMap.set(f,rtn)}out[k]=rtn}'
    'if(!fresh.length){return out}'
    'if(wasmTable["grow"](fresh.length)!==base){throw new Error("the function table grew elsewhere")}'
    'var js=[];for(var k of fresh){var f=funcs[k][0];'
    'if(plain[k]){js.push(k);continue}'
    'try{setWasmTableEntry(out[k],f)}catch(err){if(!(err instanceof TypeError)){throw err}js.push(k)}}'
    'if(js.length){var wrapped=convertJsFunctionsToWasm(js.map(k=>funcs[k]));'
    'for(var n=0;n<js.length;n++){setWasmTableEntry(out[js[n]],wrapped[n])}}return out};'
    # One module importing every function as "e"."<i>" with its signature's type and exporting it
    # as "<i>": its exports are what convertJsFunctionToWasm's one-function modules export.
    'var convertJsFunctionsToWasm=funcs=>{var uleb=(n,out)=>{do{var b=n&127;n>>>=7;out.push(n?b|128:b)}while(n)};'
    'var str=(s,out)=>{uleb(s.length,out);for(var i=0;i<s.length;i++){out.push(s.charCodeAt(i))}};'
    'var typeIndex=new Map,types=[],imports=[],exports=[],env={};'
    'for(var i=0;i<funcs.length;i++){var sig=funcs[i][1];var t=typeIndex.get(sig);'
    'if(t===undefined){t=typeIndex.size;typeIndex.set(sig,t);types.push(96,...generateTypePack(sig.slice(1)),'
    '...generateTypePack(sig[0]==="v"?"":sig[0]))}'
    'var name=String(i);str("e",imports);str(name,imports);imports.push(0);uleb(t,imports);'
    'str(name,exports);exports.push(0);uleb(i,exports);env[name]=funcs[i][0]}'
    'var section=(id,count,body)=>{var content=[];uleb(count,content);content=content.concat(body);'
    'var out=[id];uleb(content.length,out);return out.concat(content)};'
    'var bytes=Uint8Array.from([0,97,115,109,1,0,0,0].concat(section(1,typeIndex.size,types),'
    'section(2,funcs.length,imports),section(7,funcs.length,exports)));'
    'var instance=new WebAssembly.Instance(new WebAssembly.Module(bytes),{e:env});'
    'return funcs.map((_,i)=>instance.exports[String(i)])};')


GET_ADDRESS_OLD = (
    'var getFunctionAddress=func=>{if(!functionsInTableMap){functionsInTableMap=new WeakMap;'
    'updateTableMap(0,wasmTable.length)}return functionsInTableMap.get(func)||0};')
# While `initialTable` is set, the map lacks the table's initial entries (the element segment):
# the main module's exports are found there by function index (`initialTableFor`), any other
# lookup first scans them in, as the unpatched glue did at the first lookup. The scan goes down and
# keeps what is mapped already: the unpatched map holds an entry's highest initial index unless a
# later set (a side module's range, addFunction) replaced it.
GET_ADDRESS_NEW = (
    'var initialTable=null;var scanInitialTable=()=>{var length=initialTable.length;initialTable=null;'
    'for(var i=length-1;i>=0;i--){var item=getWasmTableEntry(i);'
    'if(item&&!functionsInTableMap.has(item)){functionsInTableMap.set(item,i)}}};'
    'var getFunctionAddress=func=>{if(!functionsInTableMap){functionsInTableMap=new WeakMap;'
    'updateTableMap(0,wasmTable.length)}else if(initialTable){'
    'if(initialTable.mainExports){return functionsInTableMap.get(func)||initialTable.indexOf(func)}'
    'scanInitialTable()}return functionsInTableMap.get(func)||0};')
REMOVE_OLD = 'var removeFunction=index=>{functionsInTableMap.delete('
REMOVE_NEW = 'var removeFunction=index=>{if(initialTable){scanInitialTable()}functionsInTableMap.delete('
TRAMPOLINE_OLD = 'return addFunction(trampolineInstance.exports.trampoline_call)}'
TRAMPOLINE_NEW = 'return addFreshFunction(trampolineInstance.exports.trampoline_call)}'
# addFunction of a function made just now (another instance's export: not in the map, not in the
# initial table), without the scan a lookup would start.
ADD_FRESH = ('var addFreshFunction=func=>{if(!initialTable){return addFunction(func)}var ret=getEmptyTableSlot();'
             'setWasmTableEntry(ret,func);functionsInTableMap.set(func,ret);return ret};')
MAIN_GOT_OLD = 'updateGOT(origExports);LDSO.init();'
MAIN_GOT_NEW = 'updateMainGOT(origExports);LDSO.init();'
# The initial table from the build's element segment: checked against the instance (its length and
# three entries' function indices: an Exported Function's name is its index), else the unpatched
# scan.
MAIN_GOT = (
    'var initialTableFor=()=>{if(functionsInTableMap){return null}'
    'var funcs=initialTableFuncs.split(",");var length=initialTableBase+funcs.length;'
    'if(wasmTable.length!==length){return null}'
    'for(var i of[0,funcs.length>>1,funcs.length-1]){var f=wasmTable.get(initialTableBase+i);'
    'if(!f||f.name!==funcs[i]){return null}}'
    'var numbers=funcs.map(Number);var highest=new Int32Array(Math.max(...numbers)+1);'
    'for(var i=0;i<numbers.length;i++){highest[numbers[i]]=initialTableBase+i}'
    'functionsInTableMap=new WeakMap;'
    'return{length,mainExports:false,indexOf:func=>highest[+func.name]||0}};'
    'var updateMainGOT=exports=>{var table=initialTableFor();if(table){initialTable=table;table.mainExports=true}'
    'gotLazyMode=true;try{updateGOT(exports)}finally{gotLazyMode=false;if(initialTable){initialTable.mainExports=false}}};')


# Pyodide's finalizeBootstrap(t, e) (`t`: a snapshot being restored) gets importlib, __main__'s and
# builtins' dicts and an empty dict by compiling Python source (`rawRun`, `eval_code`, each a trip
# through the parser and compiler). After a restore every module is imported already, so the same
# objects are taken without compiling (``__import__`` from builtins): a repeat visit's first
# compile was ~900 wasm functions compiled lazily (measured: 76 -> 52 ms python>interpreter).
# Any error there and the original lines run instead.
FINALIZE_OLD = (
    'let[r,n]=API.rawRun("import _pyodide_core");r&&API.fatal_loading_error(`Failed to import _pyodide_core\\n`,n),'
    'API.runPythonInternal_dict=API._pyodide._base.eval_code("{}"),'
    'API.importlib=API.runPythonInternal("import importlib; importlib");let o=API.importlib.import_module;'
    'API.sys=o("sys"),API.os=o("os");let i=API.runPythonInternal("import __main__; __main__.__dict__"),'
    's=API.runPythonInternal("import builtins; builtins.__dict__");')
# The original lines kept for a normal boot (and a restore the calls cannot take): their `let`s
# become assignments to variables declared before the branch.
FINALIZE_NEW = ('let i,s,o,restored=t&&finalizeRestored();if(restored){[i,s,o]=restored}else{'
                + FINALIZE_OLD.replace("let o=", "o=").replace("let i=", "i=").removesuffix(";") + "}")
FINALIZE_START_OLD = 'API.finalizeBootstrap=function(t,e){'
# [__main__.__dict__, builtins.__dict__, importlib.import_module] with API's fields set as the
# original lines set them; null (nothing set) when a step fails. Each object comes from a call
# (an owned proxy), never from an attribute of a proxy made here: such a "borrowed" proxy dies with
# its parent (destroyed, or collected), and API.globals is made of the two dicts.
FINALIZE_RESTORED = (
    'var finalizeRestored=()=>{try{var b=API._pyodide._base.__builtins__,imp=b.get("__import__"),vars=b.get("vars");'
    'var mainModule=imp("__main__"),builtinsModule=imp("builtins"),importlib=imp("importlib");'
    'var main=vars(mainModule),builtins=vars(builtinsModule),dict=b.get("dict")();'
    # The names the original lines' code leaves in that dict, in their order.
    'dict.set("__builtins__",builtins);dict.set("importlib",importlib);dict.set("__main__",mainModule);'
    'dict.set("builtins",builtinsModule);var o=importlib.import_module,sys=o("sys"),os=o("os");'
    'API.runPythonInternal_dict=dict;API.importlib=importlib;API.sys=sys;API.os=os;'
    'return[main,builtins,o]}catch{return null}};')


def initial_table(wasm: bytes) -> tuple[int, list[int]]:
    """The main module's one active element segment: its table offset and function indices. Raises
    :class:`GlueMismatch` for another shape (several segments, a computed offset, an imported
    function in the table: its table entry may not be the export's object)."""
    def leb(at: int) -> tuple[int, int]:
        value = shift = 0
        while True:
            byte = wasm[at]
            at += 1
            value |= (byte & 127) << shift
            shift += 7
            if not byte & 128:
                return value, at

    if wasm[:8] != b"\0asm\1\0\0\0":
        raise GlueMismatch("not a wasm module")
    at = 8
    imported = 0
    segment: tuple[int, list[int]] | None = None
    while at < len(wasm):
        section = wasm[at]
        size, at = leb(at + 1)
        end = at + size
        if section == 2:  # imports: count the functions (they come first in the function index space)
            count, at = leb(at)
            for _ in range(count):
                for _name in range(2):
                    length, at = leb(at)
                    at += length
                kind = wasm[at]
                at += 1
                if kind == 0:
                    imported += 1
                    _, at = leb(at)
                elif kind == 1:
                    flags, at = leb(at + 1)
                    _, at = leb(at)
                    if flags & 1:
                        _, at = leb(at)
                elif kind == 2:
                    flags, at = leb(at)
                    _, at = leb(at)
                    if flags & 1:
                        _, at = leb(at)
                elif kind == 3:
                    at += 2
                else:
                    raise GlueMismatch(f"import kind {kind}")
        elif section == 9:
            count, at = leb(at)
            flags, at = leb(at)
            if count != 1 or flags != 0 or wasm[at] != 0x41:
                raise GlueMismatch("the element section is not one segment at a constant offset")
            offset, at = leb(at + 1)
            if wasm[at] != 0x0B:
                raise GlueMismatch("the element segment's offset is not a small constant")
            length, at = leb(at + 1)
            funcs = []
            for _ in range(length):
                index, at = leb(at)
                funcs.append(index)
            segment = (offset, funcs)
        at = end
    if segment is None or min(segment[1]) < imported:
        raise GlueMismatch("no element segment of defined functions")
    return segment


class GlueMismatch(Exception):
    """The glue is not the text a patch was written for."""


def _replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise GlueMismatch(f"expected once, found {text.count(old)}: {old[:60]}...")
    return text.replace(old, new)


def _compact_assignments(text: str) -> str:
    """``assignWasmExports`` with a statement only for the exports the glue reads by their variable;
    the others are put on ``Module`` by a loop over their names (the same keys, the same values)."""
    start = text.find(ASSIGN_START)
    end = text.find(ASSIGN_END, start)
    if start < 0 or end < 0 or text.count(ASSIGN_START) != 1:
        raise GlueMismatch("assignWasmExports not found")
    body = text[start + len(ASSIGN_START):end]
    statements = body.split(";")
    # The `var _a,_b,...` declaration of the assigned variables: its names are not uses.
    names = [m.group(1) for m in map(ASSIGNMENT.fullmatch, statements) if m]
    declaration = "var " + ",".join(names[:2]) + ","
    decl_start = text.find(declaration)
    decl_end = text.find(";", decl_start)
    if decl_start < 0 or text.count(declaration) != 1:
        raise GlueMismatch("the declaration of assignWasmExports' variables not found")
    declared = text[decl_start + 4:decl_end].split(",")
    if set(names) - set(declared):
        raise GlueMismatch("an assigned variable is not declared with the others")
    elsewhere = text[:decl_start] + text[decl_end:start] + text[end:]
    used = set(IDENTIFIER.findall(elsewhere))
    kept: list[str] = []
    functions: list[str] = []
    addresses: list[str] = []
    for statement in statements:
        m = ASSIGNMENT.fullmatch(statement)
        if m is None or m.group(1) in used or m.group(1) != m.group(2) or m.group(2) != "_" + m.group(3):
            kept.append(statement)
        elif m.group(4):
            addresses.append(m.group(3))
        else:
            functions.append(m.group(3))
    if not functions or len(kept) > 400:
        raise GlueMismatch("assignWasmExports does not have the expected shape")
    loops = (f'for(var name of "{" ".join(functions)}".split(" ")){{Module["_"+name]=wasmExports[name]}}'
             f'for(var name of "{" ".join(addresses)}".split(" ")){{Module["_"+name]=wasmExports[name].value>>>0}}')
    moved = set(functions) | set(addresses)
    kept_names = [n for n in declared if n.removeprefix("_") not in moved or n in used]
    new_declaration = "var " + ",".join(kept_names)
    new_body = ";".join(kept) + ";" + loops
    return (text[:decl_start] + new_declaration + text[decl_end:start] + ASSIGN_START + new_body
            + text[end:])


def patch_glue(text: str, wasm: bytes) -> str:
    """``text`` (the glue of the module ``wasm``) with every patch applied; raises
    :class:`GlueMismatch` when one does not fit."""
    base, funcs = initial_table(wasm)
    data = f'var initialTableBase={base};var initialTableFuncs="{",".join(map(str, funcs))}";'
    text = _compact_assignments(text)
    text = _replace_once(text, INTERNAL_SYMS_OLD, 'var internalSyms=new Set([')
    text = _replace_once(text, INTERNAL_SYMS_END_OLD,
                         ']);var isInternalSym=symName=>internalSyms.has(symName)||symName.startsWith("__em_js__");')
    text = _replace_once(text, GET_ADDRESS_OLD, GET_ADDRESS_NEW)
    text = _replace_once(text, REMOVE_OLD, REMOVE_NEW)
    text = _replace_once(text, ADD_FUNCTION_OLD, ADD_FUNCTION_OLD + ADD_FUNCTIONS + ADD_FRESH + MAIN_GOT + data)
    text = _replace_once(text, TRAMPOLINE_OLD, TRAMPOLINE_NEW)
    text = _replace_once(text, MAIN_GOT_OLD, MAIN_GOT_NEW)
    text = _replace_once(text, UPDATE_GOT_OLD, UPDATE_GOT_NEW)
    text = _replace_once(text, MERGE_OLD, MERGE_NEW)
    text = _replace_once(text, REPORT_START_OLD, REPORT_START_NEW)
    text = _replace_once(text, GOT_HANDLER_OLD, GOT_HANDLER_NEW)
    text = _replace_once(text, GOT_OLD, GOT_NEW)
    text = _replace_once(text, GOT_HANDLER_GET_OLD, GOT_HANDLER_GET_NEW)
    text = _replace_once(text, REPORT_OLD, REPORT_NEW)
    text = _replace_once(text, FINALIZE_OLD, FINALIZE_NEW)
    text = _replace_once(text, FINALIZE_START_OLD, FINALIZE_RESTORED + FINALIZE_START_OLD)
    return text


def patched_or_original(text: str, wasm: bytes) -> str:
    """The patched glue, or ``text`` itself (said on stderr) when a patch does not fit it."""
    try:
        return patch_glue(text, wasm)
    except GlueMismatch as error:
        print(f"wasmui.gluepatch: pyodide.asm.mjs shipped unpatched ({error})", file=sys.stderr)
        return text
