<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>reappro::ImportDialog</name>
    <message numerus="yes">
        <location filename="../ui/dialogs/importdialog.cpp" line="310"/>
        <source>&lt;b&gt;Import done:&lt;/b&gt; %1 lines from %Ln file(s) in %2 s.</source>
        <translation>
            <numerusform>&lt;b&gt;Import done:&lt;/b&gt; %1 lines from %Ln file in %2 s.</numerusform>
            <numerusform>&lt;b&gt;Import done:&lt;/b&gt; %1 lines from %Ln files in %2 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs/importdialog.cpp" line="320"/>
        <source>&lt;b&gt;%Ln line(s) rejected: nothing was imported&lt;/b&gt;, the database is unchanged. Fix these lines in the exports (or save the report to work on it), then import the files again.</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln line rejected: nothing was imported&lt;/b&gt;, the database is unchanged. Fix this line in the export (or save the report to work on it), then import the files again.</numerusform>
            <numerusform>&lt;b&gt;%Ln lines rejected: nothing was imported&lt;/b&gt;, the database is unchanged. Fix these lines in the exports (or save the report to work on it), then import the files again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reappro::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="378"/>
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln product</numerusform>
            <numerusform>%Ln products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="380"/>
        <source>%Ln product(s) shown out of %1</source>
        <translation>
            <numerusform>%Ln product shown out of %1</numerusform>
            <numerusform>%Ln products shown out of %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reappro::OrdersView</name>
    <message numerus="yes">
        <location filename="../ui/views/ordersview.cpp" line="234"/>
        <source>&lt;b&gt;%Ln line(s)&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln line&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%Ln lines&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/ordersview.cpp" line="234"/>
        <source>from %Ln supplier(s)</source>
        <translation>
            <numerusform>from %Ln supplier</numerusform>
            <numerusform>from %Ln suppliers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/ordersview.cpp" line="237"/>
        <source>budget %1: need %2, %Ln line(s) cut</source>
        <translation>
            <numerusform>budget %1: need %2, %Ln line cut</numerusform>
            <numerusform>budget %1: need %2, %Ln lines cut</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/ordersview.cpp" line="240"/>
        <source>%Ln capped by shelf life</source>
        <translation>
            <numerusform>%Ln capped by shelf life</numerusform>
            <numerusform>%Ln capped by shelf life</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/ordersview.cpp" line="241"/>
        <source>%Ln at expiry risk</source>
        <translation>
            <numerusform>%Ln at expiry risk</numerusform>
            <numerusform>%Ln at expiry risk</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/ordersview.cpp" line="243"/>
        <source>%Ln product(s) without a forecast (nothing suggested)</source>
        <translation>
            <numerusform>%Ln product without a forecast (nothing suggested)</numerusform>
            <numerusform>%Ln products without a forecast (nothing suggested)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/ordersview.cpp" line="254"/>
        <source>%Ln vital product(s) out of stock and unused for over a year, not ordered (%1)</source>
        <translation>
            <numerusform>%Ln vital product out of stock and unused for over a year, not ordered (%1)</numerusform>
            <numerusform>%Ln vital products out of stock and unused for over a year, not ordered (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reappro::ParLevelModel</name>
    <message numerus="yes">
        <location filename="../ui/models/parlevelmodel.cpp" line="29"/>
        <source>Unused for %n week(s): take off the allowance?</source>
        <translation>
            <numerusform>Unused for %n week: take off the allowance?</numerusform>
            <numerusform>Unused for %n weeks: take off the allowance?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reappro::ParLevelsView</name>
    <message numerus="yes">
        <location filename="../ui/views/parlevelsview.cpp" line="257"/>
        <source>&lt;b&gt;%Ln line(s)&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln line&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%Ln lines&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/parlevelsview.cpp" line="258"/>
        <source>in %Ln care unit(s)</source>
        <translation>
            <numerusform>in %Ln care unit</numerusform>
            <numerusform>in %Ln care units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/parlevelsview.cpp" line="259"/>
        <source>%Ln top-up(s) to deliver at the next round</source>
        <translation>
            <numerusform>%Ln top-up to deliver at the next round</numerusform>
            <numerusform>%Ln top-ups to deliver at the next round</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/parlevelsview.cpp" line="261"/>
        <source>%Ln allowance(s) unused for %1 weeks</source>
        <translation>
            <numerusform>%Ln allowance unused for %1 weeks</numerusform>
            <numerusform>%Ln allowances unused for %1 weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/views/parlevelsview.cpp" line="263"/>
        <source>%Ln without a forecast</source>
        <translation>
            <numerusform>%Ln without a forecast</numerusform>
            <numerusform>%Ln without a forecast</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reappro::SummaryStrip</name>
    <message numerus="yes">
        <location filename="../ui/widgets/summarystrip.cpp" line="89"/>
        <source>%Ln drug(s)</source>
        <translation>
            <numerusform>%Ln drug</numerusform>
            <numerusform>%Ln drugs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/summarystrip.cpp" line="90"/>
        <source>%Ln medical device(s)</source>
        <translation>
            <numerusform>%Ln medical device</numerusform>
            <numerusform>%Ln medical devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/summarystrip.cpp" line="101"/>
        <source>order line(s)</source>
        <comment>under the number of open order lines</comment>
        <translation>
            <numerusform>order line</numerusform>
            <numerusform>order lines</numerusform>
        </translation>
    </message>
</context>
</TS>
