/*
 * Python 3.8-3.12 syntax for idemlint, written for SLL prediction: expressions use one
 * precedence-climbing rule instead of a fifteen-rule cascade, and the only decisions that need
 * long lookahead are the ones Python itself needs (dict vs set display, slice vs index, the
 * soft keywords match/case/type, parenthesized with-items).
 */
parser grammar MigrationPythonParser;

options { tokenVocab = MigrationPythonLexer; }

file_input : ( NEWLINE | stmt )* EOF ;

// one replacement field of an f-string, lexed with brackets already open
fstring_field : ( yield_expr | testlist_star_expr ) NEWLINE? EOF ;

// ---------------------------------------------------------------- statements

stmt : simple_stmts | compound_stmt ;

simple_stmts : simple_stmt ( ';' simple_stmt )* ';'? NEWLINE ;

simple_stmt
    : expr_stmt
    | return_stmt
    | import_stmt
    | pass_stmt
    | break_stmt
    | continue_stmt
    | del_stmt
    | raise_stmt
    | global_stmt
    | nonlocal_stmt
    | assert_stmt
    | yield_stmt
    | type_stmt
    ;

expr_stmt
    : testlist_star_expr
      ( annassign
      | augassign ( yield_expr | testlist_star_expr )
      | ( '=' ( yield_expr | testlist_star_expr ) )*
      )
    ;

annassign : ':' test ( '=' ( yield_expr | testlist_star_expr ) )? ;

augassign
    : '+=' | '-=' | '*=' | '@=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '**=' | '//='
    ;

return_stmt   : 'return' testlist_star_expr? ;
pass_stmt     : 'pass' ;
break_stmt    : 'break' ;
continue_stmt : 'continue' ;
del_stmt      : 'del' exprlist ;
raise_stmt    : 'raise' ( test ( 'from' test )? )? ;
global_stmt   : 'global' name ( ',' name )* ;
nonlocal_stmt : 'nonlocal' name ( ',' name )* ;
assert_stmt   : 'assert' test ( ',' test )? ;
yield_stmt    : yield_expr ;
type_stmt     : TYPE name type_params? '=' test ;

import_stmt : import_name | import_from ;
import_name : 'import' dotted_as_name ( ',' dotted_as_name )* ;
import_from
    : 'from' ( ( '.' | '...' )* dotted_name | ( '.' | '...' )+ )
      'import' ( '*' | '(' import_as_names ')' | import_as_names )
    ;
import_as_names : import_as_name ( ',' import_as_name )* ','? ;
import_as_name  : name ( 'as' name )? ;
dotted_as_name  : dotted_name ( 'as' name )? ;
dotted_name     : name ( '.' name )* ;

compound_stmt
    : if_stmt
    | while_stmt
    | for_stmt
    | try_stmt
    | with_stmt
    | funcdef
    | classdef
    | decorated
    | async_stmt
    | match_stmt
    ;

async_stmt : ASYNC ( funcdef | with_stmt | for_stmt ) ;

decorated : decorator+ ( classdef | funcdef | ASYNC funcdef ) ;
decorator : '@' namedexpr_test NEWLINE ;

funcdef : 'def' name type_params? '(' typedargslist? ')' ( '->' test )? ':' block ;

typedargslist : tparam ( ',' tparam )* ','? ;
tparam
    : name ( ':' test )? ( '=' test )?
    | '*' ( name ( ':' ( test | star_expr ) )? )?
    | '**' name ( ':' test )?
    | '/'
    ;

varargslist : vparam ( ',' vparam )* ','? ;
vparam
    : name ( '=' test )?
    | '*' name?
    | '**' name
    | '/'
    ;

type_params : '[' type_param ( ',' type_param )* ','? ']' ;
type_param  : name ( ':' test )? ( '=' test )? | '*' name ( '=' test )? | '**' name ( '=' test )? ;

classdef : 'class' name type_params? ( '(' arglist? ')' )? ':' block ;

if_stmt    : 'if' namedexpr_test ':' block elif_clause* else_clause? ;
elif_clause : 'elif' namedexpr_test ':' block ;
else_clause : 'else' ':' block ;
while_stmt : 'while' namedexpr_test ':' block else_clause? ;
for_stmt   : 'for' exprlist 'in' testlist_star_expr ':' block else_clause? ;
try_stmt
    : 'try' ':' block
      ( except_clause+ else_clause? finally_clause?
      | finally_clause
      )
    ;
except_clause  : 'except' '*'? ( test ( 'as' name )? )? ':' block ;
finally_clause : 'finally' ':' block ;

with_stmt
    : 'with' ( '(' with_item ( ',' with_item )* ','? ')' | with_item ( ',' with_item )* ) ':' block
    ;
with_item : test ( 'as' expr )? ;

block : simple_stmts | NEWLINE INDENT stmt+ DEDENT ;

match_stmt : MATCH subject_expr ':' NEWLINE INDENT case_block+ DEDENT ;
subject_expr : ( namedexpr_test | star_expr ) ( ',' ( namedexpr_test | star_expr ) )* ','? ;
case_block : CASE patterns ( 'if' namedexpr_test )? ':' block ;

patterns : pattern ( ',' pattern )* ','? ;
pattern  : or_pattern ( 'as' name )? ;
or_pattern : closed_pattern ( '|' closed_pattern )* ;
closed_pattern
    : literal_pattern
    | name_or_attr ( '(' pattern_args? ')' )?
    | '(' patterns? ')'
    | '[' patterns? ']'
    | '{' ( mapping_item ( ',' mapping_item )* ','? )? '}'
    | '*' name
    ;
literal_pattern
    : '-'? NUMBER ( ( '+' | '-' ) NUMBER )?
    | STRING+
    | 'None'
    | 'True'
    | 'False'
    ;
name_or_attr : name ( '.' name )* ;
pattern_args : pattern_arg ( ',' pattern_arg )* ','? ;
pattern_arg  : name '=' pattern | pattern ;
mapping_item : ( literal_pattern | name_or_attr ) ':' pattern | '**' name ;

// ---------------------------------------------------------------- expressions

namedexpr_test : test ( ':=' test )? ;

test
    : or_test ( 'if' or_test 'else' test )?
    | lambdef
    ;

lambdef : 'lambda' varargslist? ':' test ;

// Boolean and comparison levels as one left-recursive rule (earlier alternatives bind tighter):
// an operand is 3 parse-tree levels shallower than with one rule per level, and parsing was most
// of a run. `not` binds looser than a comparison (whose operands are `expr`, so `a is not b` stays
// one operator) and tighter than `and`, as in CPython.
or_test
    : expr ( comp_op expr )*            # comparisonTest
    | 'not' or_test                     # notTest
    | or_test 'and' or_test             # andTest
    | or_test 'or' or_test              # orTest
    ;
comp_op : '<' | '>' | '==' | '>=' | '<=' | '!=' | 'in' | 'not' 'in' | 'is' | 'is' 'not' ;

star_expr : '*' expr ;

// earlier alternatives bind tighter; a prefix operator binds looser than '**' on its right
expr
    : atom_expr                                         # primaryExpr
    | <assoc=right> expr op='**' expr                   # binaryExpr
    | op=( '+' | '-' | '~' ) expr                       # unaryExpr
    | expr op=( '*' | '@' | '/' | '%' | '//' ) expr     # binaryExpr
    | expr op=( '+' | '-' ) expr                        # binaryExpr
    | expr op=( '<<' | '>>' ) expr                      # binaryExpr
    | expr op='&' expr                                  # binaryExpr
    | expr op='^' expr                                  # binaryExpr
    | expr op='|' expr                                  # binaryExpr
    ;

atom_expr : AWAIT? atom trailer* ;

atom
    : '(' ( yield_expr | testlist_comp )? ')'   # parenAtom
    | '[' testlist_comp? ']'                   # listAtom
    | '{' dictorsetmaker? '}'                  # braceAtom
    | name                                     # nameAtom
    | NUMBER                                   # numberAtom
    | STRING+                                  # stringAtom
    | ( '...' | 'None' | 'True' | 'False' )    # constAtom
    ;

name : NAME | MATCH | CASE | TYPE ;

testlist_comp
    : ( namedexpr_test | star_expr ) ( comp_for | ( ',' ( namedexpr_test | star_expr ) )* ','? )
    ;

trailer
    : '(' arglist? ')'         # callTrailer
    | '[' subscriptlist ']'    # subscriptTrailer
    | '.' name                 # attributeTrailer
    ;

subscriptlist : subscript ( ',' subscript )* ','? ;
subscript
    : namedexpr_test                           # indexSubscript
    | test? ':' test? ( ':' test? )?           # sliceSubscript
    | star_expr                                # starSubscript
    ;

exprlist : ( expr | star_expr ) ( ',' ( expr | star_expr ) )* ','? ;

testlist_star_expr : ( test | star_expr ) ( ',' ( test | star_expr ) )* ','? ;

dictorsetmaker
    : dict_item ( comp_for | ( ',' dict_item )* ','? )                                   # dictMaker
    | ( namedexpr_test | star_expr ) ( comp_for | ( ',' ( namedexpr_test | star_expr ) )* ','? )  # setMaker
    ;
dict_item : test ':' test | '**' expr ;

arglist : argument ( ',' argument )* ','? ;
// a generator argument is a positional one followed by `for`: as two alternatives, choosing between
// them meant scanning each whole argument (a nested sa.Column(...)) ahead; this way two tokens decide
argument
    : name '=' test                 # keywordArgument
    | '*' test                      # starArgument
    | '**' test                     # doubleStarArgument
    | namedexpr_test comp_for?      # positionalArgument
    ;

comp_for  : ASYNC? 'for' exprlist 'in' or_test ( comp_for | comp_if )? ;
comp_if   : 'if' or_test ( comp_for | comp_if )? ;

yield_expr : 'yield' ( 'from' test | testlist_star_expr )? ;
